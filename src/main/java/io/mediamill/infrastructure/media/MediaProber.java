package io.mediamill.infrastructure.media;

import io.mediamill.domain.model.video.MediaInfo;
import io.mediamill.infrastructure.config.MediamillConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks ffprobe what a file contains, reading it only as its {@link MediaInput} allows. A file in a format
 * that is not allowed is refused, named by its demuxer: a manifest or list recognised from its first bytes
 * without running ffprobe at all, anything else by ffprobe, which logs the demuxer it probed as the context
 * of its refusal ({@code [hls @ 0x55d0c8a4e240] Format not on whitelist 'mov,...'}).
 */
@ApplicationScoped
public class MediaProber {

    private static final Pattern FORMAT_REFUSED = Pattern.compile("\\[([^\\]\\s@]+) @ 0x\\p{XDigit}+] Format not on whitelist");

    private final FfprobeJsonParser parser = new FfprobeJsonParser();
    private ProcessRunner runner;
    private MediamillConfig config;
    private FfprobeCommands commands;

    protected MediaProber() {
        // for CDI proxies
    }

    @Inject
    public MediaProber(ProcessRunner runner, MediamillConfig config) {
        this.runner = runner;
        this.config = config;
        this.commands = new FfprobeCommands(config.ffprobe());
    }

    /**
     * @throws RefusedFormatException when the file is in a format the input does not allow
     * @throws UnreadableMediaException when ffprobe cannot read the file as media; the message carries
     *                                  ffprobe's words, which start with the file's path
     */
    public MediaInfo probe(MediaInput input) {
        Optional<String> manifest = ManifestSniffer.sniff(input.path()).filter(format -> !input.allows(format));
        if (manifest.isPresent()) {
            throw new RefusedFormatException(manifest.get(), null);
        }
        ProcessResult result;
        try {
            result = runner.run(commands.probe(input), config.probeTimeout());
        } catch (ExternalProcessException e) {
            Optional<String> refused = refusedFormat(e.stderrTail());
            if (refused.isPresent()) {
                throw new RefusedFormatException(refused.get(), e);
            }
            String reason = e.stderrTail() == null || e.stderrTail().isBlank() ? e.getMessage() : e.stderrTail().strip();
            throw new UnreadableMediaException("not a media file ffprobe can read (" + reason + ")", e);
        }
        return parser.parse(result.stdout());
    }

    /**
     * Reads a still image's first picture: its size and EXIF orientation.
     *
     * @throws RefusedFormatException when the file is not in one of the input's allowed (image) formats
     * @throws UnreadableMediaException when no picture could be decoded; the message carries ffprobe's words
     */
    public ImageFacts probeImage(MediaInput image) {
        ProcessResult result;
        try {
            result = runner.run(commands.image(image), config.probeTimeout());
        } catch (ExternalProcessException e) {
            Optional<String> refused = refusedFormat(e.stderrTail());
            if (refused.isPresent()) {
                throw new RefusedFormatException(refused.get(), e);
            }
            throw new UnreadableMediaException(reason(e), e);
        }
        ImageFacts facts = parser.parseImage(result.stdout());
        if (!facts.decoded() || facts.width() <= 0 || facts.height() <= 0) {
            String said = result.stderrTail() == null || result.stderrTail().isBlank() ? "" : " (" + lastLine(result.stderrTail()) + ")";
            throw new UnreadableMediaException("no picture could be decoded from it" + said, null);
        }
        return facts;
    }

    private static String reason(ExternalProcessException e) {
        return e.stderrTail() == null || e.stderrTail().isBlank() ? e.getMessage() : lastLine(e.stderrTail());
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        return lines[lines.length - 1].strip();
    }

    /** The demuxer ffprobe probed and then refused for not being allowed, if that is why it failed. */
    static Optional<String> refusedFormat(String stderr) {
        if (stderr == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT_REFUSED.matcher(stderr);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Runs {@code ffprobe -version}; throws when the binary is missing or broken. */
    public String version() {
        String banner = runner.run(commands.version(), config.probeTimeout()).stdout();
        return banner.lines().findFirst().orElse("");
    }
}
