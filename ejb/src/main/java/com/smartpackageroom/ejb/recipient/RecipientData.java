package com.smartpackageroom.ejb.recipient;

import java.util.Optional;

/**
 * A recipient's fields as given. For a change, a null field is left as it is, and for the optional
 * fields (externalId, email, phone) {@code Optional.empty()} clears it.
 */
public record RecipientData(
    Optional<String> externalId,
    String firstName,
    String lastName,
    String unit,
    Optional<String> email,
    Optional<String> phone,
    String status) {}
