// Who the caller is belongs with what they may do (@gap/authz, a pure library); the
// authentication library hands it on to its users.
export * from '@gap/authz';
