/** Benchmark of the user service as a process: start, connects, token serving, memory. */
@NullMarked
package dev.officeflow.bench.usertokens;

import org.jspecify.annotations.NullMarked;
