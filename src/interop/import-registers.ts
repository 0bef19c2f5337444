// Every register the importer and the exports know, in the order the workspace lists them.

import { certificationCentresDescriptor } from './import/certification-centres.ts';
import { decisionsDescriptor } from './import/decisions.ts';
import { licencesDescriptor } from './import/licences.ts';
import { occupationalStandardsDescriptor } from './import/occupational-standards.ts';
import { organizationsDescriptor } from './import/organizations.ts';
import { programmesDescriptor } from './import/programmes.ts';
import { qualificationsDescriptor } from './import/qualifications.ts';
import { statisticsDescriptor } from './import/statistics.ts';
import type { AnyDescriptor, RegisterName } from './import-descriptor.ts';

export const REGISTERS: Readonly<Partial<Record<RegisterName, AnyDescriptor>>> = {
  programmes: programmesDescriptor,
  organizations: organizationsDescriptor,
  qualifications: qualificationsDescriptor,
  licences: licencesDescriptor,
  decisions: decisionsDescriptor,
  'occupational-standards': occupationalStandardsDescriptor,
  'certification-centres': certificationCentresDescriptor,
  statistics: statisticsDescriptor,
};

export const REGISTER_NAMES = Object.keys(REGISTERS) as RegisterName[];

export function descriptorOf(register: string): AnyDescriptor | null {
  return (REGISTERS as Record<string, AnyDescriptor | undefined>)[register] ?? null;
}
