package dev.officeflow.vespasim.selection;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed document selection. Supports {@code and}, {@code or}, {@code not}, parentheses, the
 * comparisons {@code == != < <= > >=}, glob {@code =} and regex {@code =~}, arithmetic {@code + - *
 * / %}, literals (numbers, quoted strings, {@code null}, {@code true}, {@code false}), {@code
 * now()} (epoch seconds), field references {@code doctype.field[.sub]}, a bare document type name,
 * {@code id} and {@code id.group}. An absent field equals only {@code null}; an array field matches
 * when any element does; a bare field is true when it is set. Thread-safe.
 */
public final class Selection {

  private final String text;
  private final SelectionNode.Expr root;
  private final List<SelectionNode.FieldRef> fieldRefs;

  private Selection(String text, SelectionNode.Expr root, List<SelectionNode.FieldRef> fieldRefs) {
    this.text = text;
    this.root = root;
    this.fieldRefs = fieldRefs;
  }

  /** Parses {@code text}; throws {@link SelectionException} for anything outside the subset. */
  public static Selection parse(String text) {
    SelectionParser parser = new SelectionParser(text);
    return new Selection(text, parser.parse(), parser.fieldRefs());
  }

  /** The top-level field names this selection reads from documents of {@code doctype}. */
  public Set<String> fieldsOf(String doctype) {
    Set<String> fields = new TreeSet<>();
    fieldRefs.stream()
        .filter(ref -> ref.doctype().equals(doctype))
        .forEach(ref -> fields.add(ref.path().get(0)));
    return fields;
  }

  /** Whether the document matches. */
  public boolean matches(Subject subject) {
    return root.test(subject);
  }

  @Override
  public String toString() {
    return text;
  }
}
