package org.fengxiang.app.job;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.fengxiang.core.Json;

/**
 * Writes records as JSON lines into {@code DIR/.parts/NAME-SUBTASK.jsonl}, one file per subtask;
 * {@link OutputFiles#merge} turns the parts into one sorted file after the job.
 */
public final class JsonLinesSink<T> implements Sink<T> {
    private final String dir;
    private final String name;

    public JsonLinesSink(Path dir, String name) {
        this.dir = dir.toAbsolutePath().toString();
        this.name = name;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        Path parts = Path.of(dir, OutputFiles.PARTS);
        Files.createDirectories(parts);
        Path file = parts.resolve(name + "-" + context.getTaskInfo().getIndexOfThisSubtask() + ".jsonl");
        return new Writer<>(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    private static final class Writer<T> implements SinkWriter<T> {
        private final BufferedWriter out;

        Writer(BufferedWriter out) {
            this.out = out;
        }

        @Override
        public void write(T element, Context context) throws IOException {
            out.write(Json.write(element));
            out.write('\n');
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
