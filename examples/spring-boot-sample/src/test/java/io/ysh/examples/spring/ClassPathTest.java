package io.ysh.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.Version;
import org.junit.jupiter.api.Test;

/** What the README says about the sample's dependencies ({@code pom.xml}). */
class ClassPathTest {

  @Test
  void springMvcRunsOnJackson2AloneAtTheSdksVersion() {
    assertThat(present("tools.jackson.databind.ObjectMapper")).as("Jackson 3").isFalse();
    assertThat(present("org.springframework.http.converter.json.MappingJackson2HttpMessageConverter")).isTrue();
    assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString())
        .isEqualTo(System.getProperty("ysh.expected.jackson"));
  }

  @Test
  void nettyIsTheSdksLineNotSpringBootsOne() {
    assertThat(Version.identify().get("netty-common").artifactVersion()).isEqualTo(System.getProperty("ysh.expected.netty"));
  }

  @Test
  void noMockito() {
    assertThat(present("org.mockito.Mockito")).isFalse();
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, ClassPathTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
