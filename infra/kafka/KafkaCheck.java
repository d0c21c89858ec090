// Tiny client used by kafka.sh (compiled once into lib/.tools/, needs only kafka-clients from lib/).
//   KafkaCheck ready <bootstrap> <timeoutMs>  exit 0 once the broker answers a metadata request
//   KafkaCheck smoke <bootstrap>               create a topic, produce, consume, delete it
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

public class KafkaCheck {
  public static void main(String[] args) throws Exception {
    quietLogging();
    if (args.length >= 3 && args[0].equals("ready")) {
      System.exit(ready(args[1], Long.parseLong(args[2])));
    } else if (args.length >= 2 && args[0].equals("smoke")) {
      System.exit(smoke(args[1]));
    }
    System.err.println("usage: KafkaCheck ready <bootstrap> <timeoutMs> | smoke <bootstrap>");
    System.exit(2);
  }

  private static void quietLogging() {
    try {
      org.apache.log4j.BasicConfigurator.configure();
      org.apache.log4j.Logger.getRootLogger().setLevel(org.apache.log4j.Level.OFF);
    } catch (Throwable ignored) {
      // no reload4j on the class path: clients log via slf4j's no-op binding.
    }
  }

  private static Properties adminProps(String bootstrap) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "kafka-sh-check");
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
    p.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, "100");
    p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
    return p;
  }

  /** Metadata round trip: cluster id, nodes and an active controller, plus a topic listing. */
  static int ready(String bootstrap, long timeoutMs) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    String last = "no attempt";
    try (Admin admin = Admin.create(adminProps(bootstrap))) {
      while (true) {
        try {
          DescribeClusterResult dc = admin.describeCluster();
          String clusterId = dc.clusterId().get(5, TimeUnit.SECONDS);
          Collection<Node> nodes = dc.nodes().get(5, TimeUnit.SECONDS);
          Node controller = dc.controller().get(5, TimeUnit.SECONDS);
          int topics = admin.listTopics().names().get(5, TimeUnit.SECONDS).size();
          if (!nodes.isEmpty() && controller != null && !controller.isEmpty()) {
            System.out.println("metadata ok: cluster " + clusterId + ", " + nodes.size()
                + " node(s), controller " + controller.id() + ", " + topics + " topic(s)");
            return 0;
          }
          last = "no nodes/controller in metadata yet";
        } catch (Exception e) {
          Throwable c = e.getCause() != null ? e.getCause() : e;
          last = c.getClass().getSimpleName() + ": " + c.getMessage();
        }
        if (System.nanoTime() > deadline) {
          System.err.println("broker did not answer a metadata request: " + last);
          return 1;
        }
        Thread.sleep(250);
      }
    }
  }

  /** Create a topic, produce to it, consume it back through a consumer group, delete it. */
  static int smoke(String bootstrap) throws Exception {
    String topic = "kafka-sh-smoke-" + UUID.randomUUID().toString().substring(0, 8);
    int count = 30;
    long t0 = System.nanoTime();
    try (Admin admin = Admin.create(adminProps(bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
      System.out.println("created topic " + topic + " (3 partitions)");
      try {
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(pp)) {
          for (int i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get(30, TimeUnit.SECONDS);
          }
        }
        System.out.println("produced " + count + " records (acks=all, idempotent)");

        Properties cp = new Properties();
        cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cp.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-group");
        cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cp)) {
          consumer.subscribe(List.of(topic));
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
          while (seen.size() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
              seen.add(r.value());
            }
          }
          consumer.commitSync();
        }
        if (seen.size() != count) {
          System.err.println("consumed " + seen.size() + " of " + count + " records");
          return 1;
        }
        System.out.println("consumed " + count + " records through consumer group " + topic + "-group");
        admin.deleteConsumerGroups(List.of(topic + "-group")).all().get(30, TimeUnit.SECONDS);

        // The project creates its topics itself: producing to an unknown topic must fail
        // (producers ask the broker to auto-create; auto.create.topics.enable=false refuses).
        String missing = topic + "-must-not-exist";
        pp.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000");
        boolean produced;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(pp)) {
          producer.send(new ProducerRecord<>(missing, "k", "v")).get(10, TimeUnit.SECONDS);
          produced = true;
        } catch (Exception expected) {
          produced = false; // TimeoutException: topic not present in metadata
        }
        if (produced || admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(missing)) {
          try {
            admin.deleteTopics(List.of(missing)).all().get(30, TimeUnit.SECONDS);
          } catch (Exception ignored) {
            // best effort
          }
          System.err.println("broker auto-created topic " + missing + " (auto.create.topics.enable should be false)");
          return 1;
        }
        System.out.println("auto-creation is off: producing to " + missing + " failed as expected");
      } finally {
        admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        System.out.println("deleted topic " + topic);
      }
    }
    System.out.printf("smoke test ok in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    return 0;
  }
}
