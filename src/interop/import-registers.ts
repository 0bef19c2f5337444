// Every register the importer and the exports know, in the order the workspace lists them.
import type { AnyDescriptor, RegisterName } from './import-descriptor.ts';
import { decisionsDescriptor } from './import/decisions.ts';
import { occupationalStandardsDescriptor } from './import/occupational-standards.ts';
import { organizationsDescriptor } from './import/organizations.ts';
import { programmesDescriptor } from './import/programmes.ts';
import { qualificationsDescriptor } from './import/qualifications.ts';

export const REGISTERS: Readonly<Partial<Record<RegisterName, AnyDescriptor>>> = {
  programmes: programmesDescriptor,
  organizations: organizationsDescriptor,
  qualifications: qualificationsDescriptor,
  decisions: decisionsDescriptor,
  'occupational-standards': occupationalStandardsDescriptor,
};

export const REGISTER_NAMES = Object.keys(REGISTERS) as RegisterName[];

export function descriptorOf(register: string): AnyDescriptor | null {
  return (REGISTERS as Record<string, AnyDescriptor | undefined>)[register] ?? null;
}
