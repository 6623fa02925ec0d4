package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The validation contract of the Asaas client (issue 17): every public method of every service
 * ({@code customers()}, {@code payments()}, … reached from {@link AsaasClient}) and of the
 * builder, called with its reference arguments null, fails with {@code INVALID_ARGUMENT} naming
 * one of them — before any request: the client points at a closed port, so a request would fail
 * with another code. Lazy methods ({@code stream}, {@code iterate}) must refuse at the call, not
 * at the first page.
 */
class AsaasClientArgumentsTest {

  /** Documented to accept null. */
  private static final Set<String> ACCEPTS_NULL = Set.of("Builder.userAgentSuffix", "Invoices.municipalServices");

  @Test
  void everyServiceMethodRefusesNullArgumentsBeforeAnyRequest() throws Exception {
    AsaasClient client = AsaasClient.builder().apiKey(Secret.of("$aact_arguments_test"))
        .baseUrl("http://127.0.0.1:9").resilience(ResiliencePolicy.none()).build();
    List<Object> targets = new ArrayList<>();
    for (Method accessor : AsaasClient.class.getDeclaredMethods()) {
      if (Modifier.isPublic(accessor.getModifiers()) && !Modifier.isStatic(accessor.getModifiers())
          && accessor.getParameterCount() == 0
          && accessor.getReturnType().getPackageName().equals("io.ysh.asaas")) {
        targets.add(accessor.invoke(client));
      }
    }
    targets.add(AsaasClient.builder());
    assertThat(targets).hasSizeGreaterThan(8);

    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Object target : targets) {
      for (Method m : target.getClass().getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || Modifier.isStatic(m.getModifiers())) {
          continue;
        }
        String id = target.getClass().getSimpleName() + "." + m.getName();
        Object[] args = new Object[m.getParameterCount()];
        boolean reference = false;
        for (int i = 0; i < args.length; i++) {
          Class<?> t = m.getParameterTypes()[i];
          if (t == int.class) {
            args[i] = 1;
          } else if (t == long.class) {
            args[i] = 1L;
          } else if (t == boolean.class) {
            args[i] = false;
          } else {
            reference = true;
          }
        }
        if (!reference || ACCEPTS_NULL.contains(id)) {
          continue;
        }
        checked++;
        try {
          m.invoke(target, args);
          failures.add(id + ": returned normally");
        } catch (InvocationTargetException e) {
          Throwable t = e.getCause();
          if (!(t instanceof YshException y) || y.code() != ErrorCode.INVALID_ARGUMENT) {
            failures.add(id + ": threw " + t);
          } else if (Arrays.stream(m.getParameters()).map(Parameter::getName)
              .noneMatch(n -> y.getMessage().toLowerCase().contains(n.split("(?=[A-Z])")[0].toLowerCase()))) {
            failures.add(id + ": message names no argument: " + y.getMessage());
          }
        }
      }
    }
    assertThat(failures).as("checked %d methods", checked).isEmpty();
    assertThat(checked).isGreaterThan(60);
  }
}
