package com.smartpackageroom.ejb.recipient;

import com.smartpackageroom.domain.recipient.Recipient;

/** A recipient in the APIs' JSON shape. */
public record RecipientView(
    Long id,
    String externalId,
    String firstName,
    String lastName,
    String unit,
    String email,
    String phone,
    String status,
    String source) {

  public static RecipientView of(Recipient r) {
    return new RecipientView(
        r.getId(),
        r.getExternalId(),
        r.getFirstName(),
        r.getLastName(),
        r.getUnit(),
        r.getEmail(),
        r.getPhone(),
        r.getStatus().name(),
        r.getSource().name());
  }
}
