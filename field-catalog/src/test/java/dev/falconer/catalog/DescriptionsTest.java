package dev.falconer.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every field has a description and a phrase in English and Japanese. A group whose description
 * file has not landed yet is skipped; inside a present file, any gap fails.
 */
class DescriptionsTest {

    @TestFactory
    Stream<DynamicTest> everyFieldHasBothLanguagesAndBothTexts() {
        return BundledData.GROUPS.stream().map(group -> DynamicTest.dynamicTest(group, () -> {
            assumeTrue(Descriptions.present(group), "descriptions/" + group + ".json has not landed yet");
            List<String> gaps = new ArrayList<>();
            for (FieldInfo f : fieldsOf(group)) {
                for (String lang : List.of("en", "ja")) {
                    if (!f.description().has(lang)) {
                        gaps.add(f.name() + " description." + lang);
                    }
                    if (!f.phrase().has(lang)) {
                        gaps.add(f.name() + " phrase." + lang);
                    }
                }
            }
            assertEquals(List.of(), gaps);
        }));
    }

    /** The catalog reads a group's texts when first asked for: they must be the file's, field by field. */
    @TestFactory
    Stream<DynamicTest> textsReadLaterAreTheGroupFilesTexts() {
        return BundledData.GROUPS.stream().map(group -> DynamicTest.dynamicTest(group, () -> {
            assumeTrue(Descriptions.present(group), "descriptions/" + group + ".json has not landed yet");
            Descriptions file = Descriptions.load(group);
            for (FieldInfo f : fieldsOf(group)) {
                assertEquals(file.description(f.name()), f.description(), f.name());
                assertEquals(file.phrase(f.name()), f.phrase(), f.name());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> descriptionFilesNameOnlyFieldsOfTheirGroup() {
        return BundledData.GROUPS.stream().map(group -> DynamicTest.dynamicTest(group, () -> {
            assumeTrue(Descriptions.present(group), "descriptions/" + group + ".json has not landed yet");
            List<String> names = fieldsOf(group).stream().map(FieldInfo::name).toList();
            List<String> strays = new ArrayList<>();
            JsonObject texts = BundledData.json(Descriptions.path(group)).getAsJsonObject();
            for (String key : texts.keySet()) {
                if (!names.contains(key)) {
                    strays.add(key);
                }
            }
            assertEquals(List.of(), strays);
        }));
    }

    private static List<FieldInfo> fieldsOf(String group) {
        List<FieldInfo> out = new ArrayList<>();
        JsonObject root = BundledData.json("fields/" + group + ".json").getAsJsonObject();
        for (JsonElement e : root.getAsJsonArray("fields")) {
            String name = e.getAsJsonObject().get("name").getAsString();
            out.add(FieldCatalog.defaults().field(name).orElseThrow());
        }
        return out;
    }
}
