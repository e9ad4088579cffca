package org.fengxiang.stack;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Delivers like GreenMail does and also writes each received message once (whatever its number of recipients)
 * as {@code mail-NNNNNN.eml} into a directory, atomically, numbering on from the files already there.
 */
final class EmlWriter implements MessageDeliveryHandler {
    private final Path dir;
    private final MessageDeliveryHandler delegate;
    private final AtomicLong seq;
    private final Set<MovingMessage> written = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    EmlWriter(Path dir, MessageDeliveryHandler delegate) throws IOException {
        this.dir = dir;
        this.delegate = delegate;
        Files.createDirectories(dir);
        this.seq = new AtomicLong(highestNumber(dir));
    }

    @Override
    public GreenMailUser handle(MovingMessage msg, MailAddress recipient) throws MessagingException, UserException {
        if (written.add(msg)) write(msg);
        return delegate.handle(msg, recipient);
    }

    private void write(MovingMessage msg) throws MessagingException {
        String name = String.format("mail-%06d.eml", seq.incrementAndGet());
        Path tmp = dir.resolve("." + name + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                msg.getMessage().writeTo(out);
            }
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name, e);
        }
    }

    static long highestNumber(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("mail-\\d+\\.eml"))
                    .mapToLong(n -> Long.parseLong(n.substring(5, n.length() - 4)))
                    .max().orElse(0);
        }
    }
}
