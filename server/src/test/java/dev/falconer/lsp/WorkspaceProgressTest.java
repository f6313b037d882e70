package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.junit.jupiter.api.Test;

class WorkspaceProgressTest {

    @Test
    void reportsWaitForTheTokenAndGoOutInTheirOrder() {
        RecordingClient client = new RecordingClient();
        CompletableFuture<Void> created = new CompletableFuture<>();
        client.progressCreated = created;
        WorkspaceProgress progress = WorkspaceProgress.begin(client, 7, "Reading");
        for (int i = 1; i <= 4; i++) {
            int taken = i;
            progress.fileTaken(taken, 4, () -> "file " + taken);
        }
        progress.end("done");
        assertEquals(1, client.progress.size(), "nothing before the client created the token");

        created.complete(null);
        List<WorkDoneProgressNotification> sent = notifications(client);
        assertEquals(6, sent.size(), sent.toString());
        assertInstanceOf(WorkDoneProgressBegin.class, sent.get(0));
        for (int i = 1; i <= 4; i++) {
            WorkDoneProgressReport r = (WorkDoneProgressReport) sent.get(i);
            assertEquals("file " + i, r.getMessage());
            assertEquals(90 * i / 4, r.getPercentage());
        }
        assertEquals("done", ((WorkDoneProgressEnd) sent.get(5)).getMessage());
    }

    @Test
    void manyFilesMakeAtMostAReportPerPercent() {
        RecordingClient client = new RecordingClient();
        WorkspaceProgress progress = WorkspaceProgress.begin(client, 1, "Reading");
        int[] messages = {0};
        for (int i = 1; i <= 5000; i++) {
            progress.fileTaken(i, 5000, () -> "file " + ++messages[0]);
        }
        progress.end("done");
        List<WorkDoneProgressNotification> sent = notifications(client);
        List<Integer> percents = sent.subList(1, sent.size() - 1).stream()
                .map(n -> ((WorkDoneProgressReport) n).getPercentage()).toList();
        assertEquals(90, percents.size());
        for (int i = 0; i < percents.size(); i++) {
            assertEquals(i + 1, percents.get(i));
        }
        assertEquals(90, messages[0], "a message is written only for a report that goes out");
    }

    @Test
    void aRefusedTokenGetsNoReportsAndLaterCallsDoNothing() {
        RecordingClient client = new RecordingClient();
        client.progressCreated = CompletableFuture.failedFuture(new IllegalStateException("refused"));
        WorkspaceProgress progress = WorkspaceProgress.begin(client, 1, "Reading");
        progress.fileTaken(1, 1, () -> "file");
        progress.end("done");
        progress.end("again");
        assertEquals(1, client.progress.size(), client.progress.toString()); // the create request only
    }

    @Test
    void endGoesOutOnceAndNothingAfterIt() {
        RecordingClient client = new RecordingClient();
        WorkspaceProgress progress = WorkspaceProgress.begin(client, 1, "Reading");
        progress.end("done");
        progress.end("again");
        progress.fileTaken(1, 1, () -> "late");
        List<WorkDoneProgressNotification> sent = notifications(client);
        assertEquals(2, sent.size(), sent.toString());
        assertTrue(sent.get(1) instanceof WorkDoneProgressEnd end && end.getMessage().equals("done"));
    }

    @Test
    void noClientNoReports() {
        WorkspaceProgress progress = WorkspaceProgress.begin(null, 1, "Reading");
        progress.fileTaken(1, 2, () -> {
            throw new AssertionError("no message is made for nobody");
        });
        progress.end("done");
    }

    private static List<WorkDoneProgressNotification> notifications(RecordingClient client) {
        return client.progress.stream().filter(ProgressParams.class::isInstance)
                .map(p -> ((ProgressParams) p).getValue().getLeft()).toList();
    }
}
