package com.smartpackageroom.batch.imports;

import java.io.Serializable;

/**
 * A run of an import's good lines that the apply step applies in one transaction: the lines after
 * the previous range up to {@code to}, of which {@code work} (in file order) may change something
 * and the {@code unchanged} others, found unchanged in the database, are only counted.
 */
public record LineRange(long to, long[] work, long unchanged) implements Serializable {}
