import type { Person } from '../domain/model.js';
import { builder } from './builder.js';

export const PersonRef = builder.objectRef<Person>('Person').implement({
  description: 'Someone who wrote or handles a ticket: a customer or a member of the support desk.',
  fields: (t) => ({
    name: t.exposeString('name', { nullable: true, description: 'Display name, as the provider has it.' }),
    email: t.exposeString('email', { nullable: true, description: 'Email address, when the provider gives one.' }),
    isStaff: t.exposeBoolean('isStaff', {
      nullable: true,
      description: 'True for the support desk, false for a customer, null when the provider does not say.',
    }),
  }),
});
