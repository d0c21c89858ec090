import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { UuidArg } from '@gap/graphql';
import { GroupAccount } from '../group-account/dto/group-account.type.js';
import type { GroupAccountEntity } from '../group-account/group-account.entity.js';
import { AddContactService } from './add-contact.service.js';
import { EraseContactService } from './erase-contact.service.js';
import { FindContactsService } from './find-contacts.service.js';
import { RecordContactConsentService } from './record-contact-consent.service.js';
import { UpdateContactService } from './update-contact.service.js';
import {
  AddContactInput,
  ConsentRecord,
  Contact,
  RecordConsentInput,
  UpdateContactInput,
} from './contact.types.js';

@Resolver(() => Contact)
export class ContactResolver {
  constructor(
    private readonly adding: AddContactService,
    private readonly updating: UpdateContactService,
    private readonly consenting: RecordContactConsentService,
    private readonly erasing: EraseContactService,
    private readonly finding: FindContactsService,
  ) {}

  @Mutation(() => Contact)
  addContact(
    @CurrentCaller() caller: Caller,
    @Args('input') input: AddContactInput,
  ): Promise<Contact> {
    return this.adding.add(caller, input);
  }

  @Mutation(() => Contact)
  updateContact(
    @CurrentCaller() caller: Caller,
    @Args('input') input: UpdateContactInput,
  ): Promise<Contact> {
    return this.updating.update(caller, input);
  }

  @Mutation(() => [ConsentRecord], { description: 'Records a consent given or withdrawn.' })
  recordContactConsent(
    @CurrentCaller() caller: Caller,
    @Args('input') input: RecordConsentInput,
  ): Promise<ConsentRecord[]> {
    return this.consenting.recordConsent(caller, input);
  }

  @Mutation(() => Contact, {
    description:
      "Erases a contact's personal data on request, keeping an anonymous stub; other services are told to purge theirs.",
  })
  eraseContact(@CurrentCaller() caller: Caller, @UuidArg('id') id: string): Promise<Contact> {
    return this.erasing.erase(caller, id);
  }

  @Query(() => Contact)
  contact(@CurrentCaller() caller: Caller, @UuidArg('id') id: string): Promise<Contact> {
    return this.finding.get(caller, id);
  }

  @ResolveField(() => [ConsentRecord])
  consents(@CurrentCaller() caller: Caller, @Parent() contact: Contact): Promise<ConsentRecord[]> {
    return this.finding.consents(caller, contact.id);
  }
}

@Resolver(() => GroupAccount)
export class AccountContactsResolver {
  constructor(private readonly finding: FindContactsService) {}

  @ResolveField(() => [Contact])
  contacts(
    @CurrentCaller() caller: Caller,
    @Parent() account: GroupAccountEntity,
    @Args('includeErased', { defaultValue: false }) includeErased: boolean,
  ): Promise<Contact[]> {
    return this.finding.ofAccount(caller, account.id, includeErased);
  }
}
