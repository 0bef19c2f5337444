// Preloaded into every test process by test/run.ts (docs/decisions.md, 91). Node's test runner
// (v24) finds the test that a `test()`, a hook or an uncaught error belongs to through an async
// hook that follows every async resource, every promise included, from creation to destruction.
// The request-heavy files create millions of promises, and the hook took a fifth of the CPU of
// test/bad-input.property.test.ts. The runner keeps its hook while the files are loaded (a file's
// top-level tests and hooks find their suite through it), and it is switched off when the first
// test runs: from then on the same lookup is answered by an AsyncLocalStorage entered where a test,
// suite or hook runs its function (promises and timers carry it at no cost per promise); an
// uncaught error in a callback is charged to the test running then (a process runs one at a time).
// A Node whose runner makes no such hook is left as it is (nothing calls the replacements).
import asyncHooks, { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';

type HookCallbacks = { init?(asyncId: number, type: string, triggerAsyncId: number, resource: object): void };

const current = new AsyncLocalStorage<number>();
const realCreateHook = asyncHooks.createHook;
const realExecutionAsyncId = asyncHooks.executionAsyncId;
/** The runner's hook callbacks and the hook made of them, once it makes its root test. */
let runner: { callbacks: HookCallbacks; hook: asyncHooks.AsyncHook } | null = null;
let testsStarted = false;
/** The id of the test, suite or hook whose function ran last and has not finished. */
let running: number | null = null;

// The runner's module takes both functions when it loads (below), so only it gets these.
asyncHooks.createHook = ((callbacks: HookCallbacks) => {
  const hook = realCreateHook(callbacks as asyncHooks.HookCallbacks);
  runner = { callbacks, hook };
  return {
    enable: () => (testsStarted ? hook : hook.enable()),
    disable: () => hook.disable(),
  };
}) as typeof asyncHooks.createHook;
/** Set while the process reports an uncaught error (the runner's handlers then look the test up). */
let reportingUncaught = false;
/** The suite a lane is importing a test file into (importInto), while it loads. */
let loading: number | null = null;
/** The suite whose function is running synchronously (a `describe` inside a loading file). */
let building: number | null = null;
asyncHooks.executionAsyncId = () =>
  building ?? loading ?? current.getStore() ?? (testsStarted && reportingUncaught ? running : null) ?? realExecutionAsyncId();
try {
  await import('node:test');
} finally {
  asyncHooks.createHook = realCreateHook;
  asyncHooks.executionAsyncId = realExecutionAsyncId;
}

// The error's own context is gone by the time the handlers run: charge it to the test running now.
const emit = process.emit as (this: NodeJS.Process, event: string | symbol, ...args: unknown[]) => boolean;
process.emit = function (this: NodeJS.Process, event: string | symbol, ...args: unknown[]) {
  if (event !== 'uncaughtException' && event !== 'unhandledRejection') return emit.apply(this, [event, ...args]);
  reportingUncaught = true;
  try {
    return emit.apply(this, [event, ...args]);
  } finally {
    reportingUncaught = false;
  }
} as typeof process.emit;

// A test, suite or hook: what the runner's hook recognizes by `instanceof Test`.
const isTest = (resource: object) => 'subtests' in resource && 'nesting' in resource;
const known = new WeakSet<object>();
const run = AsyncResource.prototype.runInAsyncScope;
AsyncResource.prototype.runInAsyncScope = function (this: AsyncResource, fn: (...args: unknown[]) => unknown, thisArg?: unknown, ...args: unknown[]) {
  if (!runner || !isTest(this)) return run.call(this, fn, thisArg, ...args);
  if (!testsStarted && (this as { reportedType?: string }).reportedType !== 'suite') {
    // The files are loaded (a suite runs its function while it is built) and the first test or
    // hook starts: the lookup needs no hook from here on.
    testsStarted = true;
    running = null;
    runner.hook.disable();
  }
  if (!known.has(this)) {
    known.add(this);
    runner.callbacks.init?.(this.asyncId(), 'Test', 0, this);
  }
  const id = this.asyncId();
  const outer = running;
  running = id;
  const done = () => {
    if (running === id) running = outer;
  };
  // A suite's function runs while its file loads: what it declares before its first await is its own.
  const isSuite = (this as { reportedType?: string }).reportedType === 'suite';
  const outerSuite = building;
  if (isSuite) building = id;
  try {
    const result = current.run(id, () => run.call(this, fn, thisArg, ...args));
    if (isSuite) building = outerSuite;
    if (result instanceof Promise) return result.finally(done);
    done();
    return result;
  } catch (error) {
    if (isSuite) building = outerSuite;
    done();
    throw error;
  }
} as typeof run;

/** The suite whose function is running now: call it in the function's synchronous part. */
export function suiteBeingBuilt(): number {
  if (building === null) throw new Error('suiteBeingBuilt is called in a suite\'s function, before its first await');
  return building;
}

/** Runs `fn` (synchronous: it declares tests or hooks) as if in the given suite's function. */
export function declareIn(suite: number, fn: () => void): void {
  const outer = building;
  building = suite;
  try {
    fn();
  } finally {
    building = outer;
  }
}

/**
 * Imports a test file so that its top-level tests and hooks are the given suite's (test/helpers/lane.ts).
 * A module's body runs in whatever async context the module loader is in (the tsx hooks answer from
 * another thread), not the importer's: a lane's later files landed in its first file's suite. While
 * one file loads (a lane loads one at a time), the runner's lookups are answered with its suite.
 */
export async function importInto(suite: number, url: string): Promise<unknown> {
  loading = suite;
  try {
    return await import(url);
  } finally {
    loading = null;
  }
}
