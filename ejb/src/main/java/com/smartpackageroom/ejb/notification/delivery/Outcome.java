package com.smartpackageroom.ejb.notification.delivery;

/** What became of one try to send a message. */
public sealed interface Outcome {

  /** The provider took the message. */
  record Sent() implements Outcome {}

  /**
   * This message was not taken; {@code permanent} when trying again cannot help (an address the
   * provider refuses).
   */
  record Failed(String error, boolean permanent) implements Outcome {}

  /** The provider could not be reached or did not answer: no message of its channel can go now. */
  record Unreachable(String error) implements Outcome {}

  static Outcome sent() {
    return new Sent();
  }
}
