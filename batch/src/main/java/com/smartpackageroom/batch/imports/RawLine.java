package com.smartpackageroom.batch.imports;

import com.smartpackageroom.domain.imports.ResidentField;
import java.io.Serializable;
import java.util.EnumMap;

/**
 * A line of the file as read, by field; {@code problem} says why its values could not be read (too
 * few or too many of them).
 */
record RawLine(long line, EnumMap<ResidentField, String> values, String problem)
    implements Serializable {}
