package dev.officeflow.user;

import dev.officeflow.runtime.OfficeflowService;
import org.springframework.boot.SpringApplication;

/**
 * The user service: people, provider integrations with Google OAuth, encrypted provider tokens for
 * the office service, user JWTs for the frontend, and the events that announce all of it. Each
 * feature package wires its own beans in its {@code *Configuration}.
 */
@OfficeflowService
public class UserApplication {

  public static void main(String[] args) {
    SpringApplication.run(UserApplication.class, args);
  }
}
