package io.ysh.spring.autoconfigure;

import io.ysh.queue.MessageHandler;
import io.ysh.queue.ReceivedMessage;
import io.ysh.queue.SubscribeOptions;
import io.ysh.queue.Subscriber;
import io.ysh.queue.Subscription;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds {@link YshListener} methods and {@code Consumer<ReceivedMessage>} beans and runs each as a
 * {@link Subscriber} of its subscription while the context runs: started after refresh, stopped
 * (drained) first on shutdown. A {@code Consumer<ReceivedMessage>} bean listens to the
 * subscription of its bean name ({@code @Bean Consumer<ReceivedMessage> orders()} to
 * {@code ysh.queue.subscriptions.orders.url}); one whose name is not a configured subscription is
 * left alone (it may serve another purpose). Returning acknowledges, throwing does not.
 */
public final class YshListenerRegistrar implements BeanPostProcessor, SmartLifecycle, ApplicationContextAware {

  private record Endpoint(Object bean, Method method, String name) {}

  private static final Method ACCEPT;

  static {
    try {
      ACCEPT = Consumer.class.getMethod("accept", Object.class);
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final List<Endpoint> endpoints = new ArrayList<>();
  private final List<Subscriber> running = new ArrayList<>();
  private final List<java.time.Duration> drains = new ArrayList<>();
  private ApplicationContext context;
  private volatile boolean started;

  /** Creates the registrar. */
  public YshListenerRegistrar() {}

  @Override
  public void setApplicationContext(ApplicationContext applicationContext) {
    this.context = applicationContext;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
    Class<?> type = AopUtils.getTargetClass(bean);
    ReflectionUtils.doWithMethods(type, m -> {
      YshListener l = AnnotatedElementUtils.findMergedAnnotation(m, YshListener.class);
      if (l == null) {
        return;
      }
      if (m.getParameterCount() != 1
          || !(m.getParameterTypes()[0] == ReceivedMessage.class || m.getParameterTypes()[0] == String.class)) {
        throw new YshConfigurationException("@YshListener(\"" + l.value() + "\")",
            type.getName() + "." + m.getName() + " must take one ReceivedMessage or String parameter", null);
      }
      Method invocable = AopUtils.selectInvocableMethod(m, bean.getClass());
      ReflectionUtils.makeAccessible(invocable);
      synchronized (endpoints) {
        endpoints.add(new Endpoint(bean, invocable, l.value()));
      }
    });
    return bean;
  }

  @Override
  public void start() {
    Binder binder = Binder.get(context.getEnvironment());
    synchronized (endpoints) {
      List<Endpoint> all = new ArrayList<>(endpoints);
      for (String name : context.getBeanNamesForType(ResolvableType.forClassWithGenerics(Consumer.class, ReceivedMessage.class))) {
        if (context.containsBean(YshQueueAutoConfiguration.subscriptionBeanName(name))) {
          all.add(new Endpoint(context.getBean(name), ACCEPT, name));
        }
      }
      for (Endpoint e : all) {
        String beanName = YshQueueAutoConfiguration.subscriptionBeanName(e.name());
        if (!context.containsBean(beanName)) {
          throw new YshConfigurationException("ysh.queue.subscriptions." + e.name() + ".url",
              "is not set, but @YshListener(\"" + e.name() + "\") on " + e.method().getDeclaringClass().getName() + "."
                  + e.method().getName() + " needs it", null);
        }
        YshQueueProperties.Listener settings = binder
            .bind("ysh.queue.listeners." + e.name(), YshQueueProperties.Listener.class)
            .orElseGet(YshQueueProperties.Listener::new);
        if (settings.getMaxConcurrency() < 1) {
          throw new YshConfigurationException("ysh.queue.listeners." + e.name() + ".max-concurrency", "must be at least 1", null);
        }
        Subscription subscription = context.getBean(beanName, Subscription.class);
        SubscribeOptions options = SubscribeOptions.defaults()
            .withMaxConcurrency(settings.getMaxConcurrency())
            .withMaxInFlight(Math.max(settings.getMaxConcurrency(), SubscribeOptions.defaults().maxInFlight()))
            .withDrainTimeout(settings.getDrainTimeout());
        running.add(subscription.subscribe(handler(e), options));
        drains.add(settings.getDrainTimeout());
      }
    }
    started = true;
  }

  private static MessageHandler handler(Endpoint e) {
    boolean body = e.method() != ACCEPT && e.method().getParameterTypes()[0] == String.class;
    return m -> {
      try {
        e.method().invoke(e.bean(), body ? m.bodyAsString() : m);
      } catch (InvocationTargetException ex) {
        Throwable t = ex.getTargetException();
        if (t instanceof Exception x) {
          throw x;
        }
        throw (Error) t;
      }
    };
  }

  @Override
  public void stop() {
    for (int i = 0; i < running.size(); i++) {
      running.get(i).close(drains.get(i));
    }
    running.clear();
    drains.clear();
    started = false;
  }

  @Override
  public boolean isRunning() {
    return started;
  }
}
