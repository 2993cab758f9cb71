package dev.officeflow.vespasim.selection;

/** A selection that this subset of the language cannot parse; the message names the position. */
public final class SelectionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  SelectionException(String selection, int position, String problem) {
    super("Could not parse selection '" + selection + "' at position " + position + ": " + problem);
  }
}
