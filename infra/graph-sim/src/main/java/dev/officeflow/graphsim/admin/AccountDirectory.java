package dev.officeflow.graphsim.admin;

import dev.officeflow.graphsim.account.Accounts;
import dev.officeflow.graphsim.account.GraphAccount;
import dev.officeflow.graphsim.identity.Directory;
import dev.officeflow.graphsim.identity.DirectoryUser;
import java.util.Optional;

/** The identity platform's view of the accounts, read live so consent changes apply at once. */
public final class AccountDirectory implements Directory {

  private final Accounts accounts;

  public AccountDirectory(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public Optional<DirectoryUser> byEmail(String email) {
    return accounts.byEmail(email).map(AccountDirectory::user);
  }

  @Override
  public Optional<DirectoryUser> byId(String id) {
    return accounts.byId(id).map(AccountDirectory::user);
  }

  @Override
  public Optional<DirectoryUser> first() {
    return accounts.first().map(AccountDirectory::user);
  }

  static DirectoryUser user(GraphAccount account) {
    return new DirectoryUser(
        account.id(),
        account.email(),
        account.displayName(),
        account.spec().grantedScopes(),
        account.spec().denyConsent());
  }
}
