import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { UuidArg } from '@gap/graphql';
import { GroupAccount } from '../group-account/dto/group-account.type.js';
import type { GroupAccountEntity } from '../group-account/group-account.entity.js';
import { ContactService } from './contact.service.js';
import {
  AddContactInput,
  ConsentRecord,
  Contact,
  RecordConsentInput,
  UpdateContactInput,
} from './contact.types.js';

@Resolver(() => Contact)
export class ContactResolver {
  constructor(private readonly contacts: ContactService) {}

  @Mutation(() => Contact)
  addContact(
    @CurrentCaller() caller: Caller,
    @Args('input') input: AddContactInput,
  ): Promise<Contact> {
    return this.contacts.add(caller, input);
  }

  @Mutation(() => Contact)
  updateContact(
    @CurrentCaller() caller: Caller,
    @Args('input') input: UpdateContactInput,
  ): Promise<Contact> {
    return this.contacts.update(caller, input);
  }

  @Mutation(() => [ConsentRecord], { description: 'Records a consent given or withdrawn.' })
  recordContactConsent(
    @CurrentCaller() caller: Caller,
    @Args('input') input: RecordConsentInput,
  ): Promise<ConsentRecord[]> {
    return this.contacts.recordConsent(caller, input);
  }

  @Mutation(() => Contact, {
    description:
      "Erases a contact's personal data on request, keeping an anonymous stub; other services are told to purge theirs.",
  })
  eraseContact(@CurrentCaller() caller: Caller, @UuidArg('id') id: string): Promise<Contact> {
    return this.contacts.erase(caller, id);
  }

  @Query(() => Contact)
  contact(@CurrentCaller() caller: Caller, @UuidArg('id') id: string): Promise<Contact> {
    return this.contacts.get(caller, id);
  }

  @ResolveField(() => [ConsentRecord])
  consents(@Parent() contact: Contact): Promise<ConsentRecord[]> {
    return this.contacts.consents(contact.id);
  }
}

@Resolver(() => GroupAccount)
export class AccountContactsResolver {
  constructor(private readonly service: ContactService) {}

  @ResolveField(() => [Contact])
  contacts(
    @CurrentCaller() caller: Caller,
    @Parent() account: GroupAccountEntity,
    @Args('includeErased', { defaultValue: false }) includeErased: boolean,
  ): Promise<Contact[]> {
    return this.service.ofAccount(caller, account.id, includeErased);
  }
}
