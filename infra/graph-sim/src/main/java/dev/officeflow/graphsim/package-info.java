/**
 * A local stand-in for the Microsoft identity platform and Microsoft Graph v1.0: {@link
 * dev.officeflow.graphsim.GraphSim} starts one, {@link dev.officeflow.graphsim.GraphSimMain} runs
 * one from the command line.
 */
@NullMarked
package dev.officeflow.graphsim;

import org.jspecify.annotations.NullMarked;
