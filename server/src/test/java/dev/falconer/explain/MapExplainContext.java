package dev.falconer.explain;

import dev.falconer.condition.ConditionParser;
import dev.falconer.condition.FieldArg;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A small real context backed by maps: the explainer's tests, before and beside the workspace. */
final class MapExplainContext implements ExplainContext {

    private final Map<String, Map<String, String>> fields = new HashMap<>();
    private final Map<String, MacroDoc> macros = new HashMap<>();
    private final Map<String, List<String>> lists = new HashMap<>();

    MapExplainContext field(String name, String en, String ja) {
        fields.put(name, Map.of("en", en, "ja", ja));
        return this;
    }

    MapExplainContext macro(String name, String condition) {
        return macro(name, condition, null);
    }

    MapExplainContext macro(String name, String condition, String comment) {
        macros.put(name, new MacroDoc(name, ConditionParser.parse(condition), comment));
        return this;
    }

    MapExplainContext list(String name, String... items) {
        lists.put(name, List.of(items));
        return this;
    }

    @Override
    public Optional<FieldWords> field(String fieldName, FieldArg arg, Locale locale) {
        Map<String, String> byLang = fields.get(fieldName);
        return byLang == null ? Optional.empty()
                : Optional.of(new FieldWords(fieldName, byLang.get(locale.getLanguage()), arg == null ? null : arg.value()));
    }

    /** In our tests, {@code proc.duration} is the one field that holds nanoseconds. */
    @Override
    public boolean isDuration(String fieldName) {
        return "proc.duration".equals(fieldName);
    }

    @Override
    public Optional<MacroDoc> macro(String name) {
        return Optional.ofNullable(macros.get(name));
    }

    @Override
    public Optional<List<String>> list(String name) {
        return Optional.ofNullable(lists.get(name));
    }

    @Override
    public Optional<String> valueGloss(String field, String value, Locale locale) {
        return ValueGlosses.builtIn().gloss(field, value, locale);
    }

    /** The fields our tests talk about, worded the way the catalog words them. */
    static MapExplainContext withCommonFields() {
        return new MapExplainContext()
                .field("proc.name", "the process name", "プロセス名")
                .field("proc.pname", "the parent process name", "親プロセス名")
                .field("proc.aname", "an ancestor process name", "祖先プロセス名")
                .field("proc.args", "the process arguments", "プロセスの引数")
                .field("proc.cmdline", "the command line", "コマンドライン")
                .field("proc.exepath", "the executable path", "実行ファイルのパス")
                .field("fd.name", "the file name", "ファイル名")
                .field("fd.ip", "an endpoint IP address", "クライアントまたはサーバーのIPアドレス")
                .field("fd.port", "an endpoint port", "クライアントまたはサーバーのポート番号")
                .field("fd.net", "an endpoint network", "クライアントまたはサーバーのネットワーク")
                .field("fd.sport", "the server port", "サーバーのポート番号")
                .field("evt.type", "the event type", "イベントの種類")
                .field("evt.dir", "the event direction", "イベントの方向")
                .field("container.id", "the container ID", "コンテナ ID")
                .field("user.name", "the user name", "ユーザー名")
                .field("json.value", "the JSON value", "JSON の値")
                .field("evt.num", "the event number", "イベント番号")
                .field("proc.duration", "the time since the process started", "プロセスの起動からの経過時間");
    }
}
