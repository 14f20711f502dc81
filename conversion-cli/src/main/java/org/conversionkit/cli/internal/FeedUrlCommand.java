package org.conversionkit.cli.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.conversionkit.cli.ConversionCheck;
import org.conversionkit.model.feed.FeedUrl;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code feed-url URL [--date D] [--from D --to D]}: prints the feed URL(s) with {@code date=YYYYMMDD}. */
@Command(name = "feed-url", mixinStandardHelpOptions = true,
        description = {"Checks a feed URL and prints it with date=YYYYMMDD added for one day (--date) or each day of a"
                + " range (--from, --to), one URL a line; without a date, prints the checked URL unchanged.",
                "Refuses a URL that already has a date parameter, holds credentials, has a fragment or is not"
                        + " http(s); warns on plain http."},
        footer = {"", "Exit codes: 0 printed; 1 the URL is refused (the reason on standard error); 2 usage error."})
final class FeedUrlCommand implements Callable<Integer> {

    private final Cli cli;

    @Parameters(index = "0", paramLabel = "URL", description = "the feed URL, without a date parameter")
    String url = "";

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "the day to fetch")
    @Nullable String date;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "the first day of a range")
    @Nullable String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "the last day of a range")
    @Nullable String to;

    FeedUrlCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        LocalDate day = Options.date("--date", date);
        LocalDate first = Options.date("--from", from);
        LocalDate last = Options.date("--to", to);
        if (day != null && (first != null || last != null)) {
            throw new UsageException("give either --date or --from and --to, not both");
        }
        if ((first == null) != (last == null)) {
            throw new UsageException("a range needs both --from and --to");
        }
        if (first != null && first.isAfter(last)) {
            throw new UsageException("--from " + first + " is after --to " + last);
        }
        FeedUrl feed;
        try {
            feed = FeedUrl.parse(url);
        } catch (IllegalArgumentException refused) {
            cli.error(refused.getMessage());
            return ConversionCheck.EXIT_INVALID;
        }
        for (String warning : feed.warnings()) {
            cli.error("warning: " + warning);
        }
        List<String> urls;
        try {
            urls = day != null ? List.of(feed.withDate(day))
                    : first != null ? feed.forDates(first, java.util.Objects.requireNonNull(last))
                    : List.of(feed.url());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        // The URLs are the result: a write that fails is an error (exit 2), as for a report.
        cli.writeReport(out -> {
            for (String line : urls) {
                out.println(line);
            }
            out.flush();
        });
        return ConversionCheck.EXIT_VALID;
    }
}
