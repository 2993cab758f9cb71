package dev.officeflow.user.signin;

/** Who a verified ID token says signed in: Google's subject and the verified address. */
record GoogleIdentity(String subject, String email) {}
