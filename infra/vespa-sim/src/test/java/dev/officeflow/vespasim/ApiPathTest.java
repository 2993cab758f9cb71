package dev.officeflow.vespasim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiPathTest {

  @Test
  void aGroupPathNamesADocumentInThatGroup() {
    ApiPath path = ApiPath.parse("/document/v1/officeflow/email/group/user%40x.com/google_m%2B1");

    assertThat(path).isInstanceOf(ApiPath.Single.class);
    assertThat(((ApiPath.Single) path).id())
        .hasToString("id:officeflow:email:g=user@x.com:google_m+1");
  }

  @Test
  void docidAndNumberPathsNameDocumentsWithTheirLocation() {
    assertThat(((ApiPath.Single) ApiPath.parse("/document/v1/ns/todo/docid/a%2Fb")).id())
        .hasToString("id:ns:todo::a/b");
    assertThat(((ApiPath.Single) ApiPath.parse("/document/v1/ns/todo/number/7/x")).id())
        .hasToString("id:ns:todo:n=7:x");
  }

  @Test
  void pathsWithoutADocumentAreVisitScopes() {
    assertThat(ApiPath.parse("/document/v1/"))
        .isEqualTo(new ApiPath.Visit("/document/v1/", null, null, null));
    assertThat(ApiPath.parse("/document/v1/ns/email/docid"))
        .isEqualTo(new ApiPath.Visit("/document/v1/ns/email/docid", "ns", "email", null));
    assertThat(ApiPath.parse("/document/v1/ns/email/group/u1/"))
        .isEqualTo(new ApiPath.Visit("/document/v1/ns/email/group/u1/", "ns", "email", "g=u1"));
  }

  @Test
  void otherPathsAreNotFound() {
    assertThatThrownBy(() -> ApiPath.parse("/document/v1/ns/email"))
        .isInstanceOf(ApiException.class)
        .hasMessage("Nothing at '/document/v1/ns/email'");
    assertThatThrownBy(() -> ApiPath.parse("/document/v1/ns/email/bucket/1/x"))
        .isInstanceOf(ApiException.class);
  }
}
