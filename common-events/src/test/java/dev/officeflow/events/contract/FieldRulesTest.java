package dev.officeflow.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.contract.FieldRules.Key;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The generator's table of rules names real record components only. */
class FieldRulesTest {

  @Test
  void everyRuleNamesAComponentOfItsRecord() {
    for (Key key : FieldRules.all().keySet()) {
      assertThat(Arrays.stream(key.type().getRecordComponents()).map(RecordComponent::getName))
          .as(key.type().getSimpleName())
          .contains(key.component());
    }
  }
}
