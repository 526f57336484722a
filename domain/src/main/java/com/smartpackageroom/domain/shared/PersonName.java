package com.smartpackageroom.domain.shared;

/** How a person's name is shown: at the kiosk, in the portal and in messages. */
public final class PersonName {

  private PersonName() {}

  public static String display(String firstName, String lastName) {
    return firstName + " " + lastName;
  }
}
