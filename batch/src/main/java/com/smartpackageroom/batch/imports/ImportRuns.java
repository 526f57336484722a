package com.smartpackageroom.batch.imports;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who runs an import: this server instance, by Payara's instance name and its host. An instance
 * that starts again under the same name knows that the imports it ran before are not running.
 */
final class ImportRuns {

  static final String OWNER =
      System.getProperty("com.sun.aas.instanceName", "server") + "@" + hostName();

  private ImportRuns() {}

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
