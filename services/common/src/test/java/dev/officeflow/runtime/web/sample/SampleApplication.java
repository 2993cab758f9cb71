package dev.officeflow.runtime.web.sample;

import dev.officeflow.runtime.OfficeflowService;

/** A service of the one shape, as small as it gets: one feature with one controller. */
@OfficeflowService
public class SampleApplication {}
