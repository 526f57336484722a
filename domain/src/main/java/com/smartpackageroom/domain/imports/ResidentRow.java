package com.smartpackageroom.domain.imports;

import java.io.Serializable;

/**
 * One resident of an import file, normalised and valid: names trimmed, the email in its normal
 * form, the phone in E.164, the status reduced to moved out or not.
 */
public record ResidentRow(
    long line,
    String externalId,
    String firstName,
    String lastName,
    String unit,
    String email,
    String phone,
    boolean movedOut)
    implements Serializable {}
