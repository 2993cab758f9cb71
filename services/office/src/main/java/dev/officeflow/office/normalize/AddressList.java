package dev.officeflow.office.normalize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mailboxes of one address header, in header order without duplicates, and how many entries
 * were dropped because no valid address could be read from them.
 */
public record AddressList(List<NamedAddress> addresses, int dropped) {

  public static final AddressList EMPTY = new AddressList(List.of(), 0);

  public AddressList {
    addresses = List.copyOf(addresses);
  }

  /** The bare addresses, as events carry them. */
  public List<String> bare() {
    return addresses.stream().map(NamedAddress::address).toList();
  }

  public Optional<NamedAddress> first() {
    return addresses.stream().findFirst();
  }

  /** Display names by address, for the addresses that have one. */
  public Map<String, String> displayNames() {
    Map<String, String> names = new LinkedHashMap<>();
    addresses.forEach(
        a -> {
          if (a.displayName() != null) {
            names.putIfAbsent(a.address(), a.displayName());
          }
        });
    return names;
  }
}
