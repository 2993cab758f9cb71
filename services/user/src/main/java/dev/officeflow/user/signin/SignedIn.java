package dev.officeflow.user.signin;

import dev.officeflow.user.account.User;
import dev.officeflow.user.session.SessionTokens.SessionToken;

/** A signed-in user and their user JWT. */
public record SignedIn(User user, SessionToken token) {}
