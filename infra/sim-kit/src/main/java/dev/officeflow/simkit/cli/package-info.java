/** A simulator's command line: options and the run until shutdown. */
package dev.officeflow.simkit.cli;
