#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "core/json_io.h"
#include "test_data.h"

using namespace atlas;
using json = nlohmann::json;

namespace {
json read_json(const std::string& path) {
    std::ifstream in(path);
    return json::parse(in);
}
// A fetch of `text`, at most `piece` bytes at a time, that finds nothing from `stop_at` on (as the
// page's bytes are read in the browser).
JsonText::Fetch in_pieces(std::string text, std::size_t piece, std::size_t stop_at = SIZE_MAX) {
    return [text = std::move(text), piece, stop_at](std::size_t at, char* to, std::size_t n) {
        const std::size_t count = at >= stop_at ? 0 : std::min({n, piece, text.size() - at});
        std::copy_n(text.data() + at, count, to);
        return count;
    };
}
bool has_problem(const std::vector<Problem>& ps, const std::string& needle) {
    for (auto& p : ps)
        if (p.to_string().find(needle) != std::string::npos) return true;
    return false;
}
}  // namespace

TEST(DatasetLoader, ShippedDataLoadsWithoutProblems) {
    auto r = test::shipped_data();
    for (auto& p : r.problems) ADD_FAILURE() << p.to_string();
    EXPECT_EQ(r.dataset.fields.size(), 8u);
    EXPECT_NE(r.dataset.global_south(), nullptr);
}

// The Global South's countries and the sources of its rules, said once for the group.
TEST(DatasetLoader, TheGlobalSouthKeepsItsCountriesAndSources) {
    auto r = test::shipped_data();
    const json group = read_json(std::string(ATLAS_DATA_DIR) + "/country_groups.json")["groups"][0];
    const CountryGroup* gs = r.dataset.global_south();
    ASSERT_NE(gs, nullptr);
    EXPECT_EQ(gs->countries.size(), group["countries"].size());
    EXPECT_TRUE(gs->contains("MX"));
    EXPECT_FALSE(gs->contains("FR"));
    ASSERT_EQ(gs->sources.size(), group["sources"].size());
    EXPECT_EQ(gs->sources.front().url, group["sources"][0]["url"].get<std::string>());
}

// Every record of the files is in the model: checked against the raw JSON, read independently.
TEST(DatasetLoader, EveryCityDesignationAndLinkIsLoaded) {
    auto r = test::shipped_data();
    const json cities = read_json(std::string(ATLAS_DATA_DIR) + "/cities.json")["cities"];
    const json links = read_json(std::string(ATLAS_DATA_DIR) + "/links.json")["links"];
    ASSERT_EQ(r.dataset.cities.size(), cities.size());
    ASSERT_EQ(r.dataset.links.size(), links.size());
    std::map<std::string, int> by_network;
    for (auto& c : cities)
        for (auto& d : c["designations"]) by_network[d["network"].get<std::string>()]++;
    std::map<std::string, int> loaded;
    for (auto& c : r.dataset.cities)
        for (auto& d : c.designations) loaded[r.dataset.networks[d.network].id]++;
    EXPECT_EQ(loaded, by_network);
    EXPECT_EQ(by_network["mx-heritage"], 14);  // the 14 ANCMPM member cities
}

TEST(DatasetLoader, KeepsAccentsAndSources) {
    auto r = test::shipped_data();
    const auto& d = r.dataset;
    const int q = d.find_city("mx-queretaro");
    ASSERT_GE(q, 0);
    EXPECT_EQ(d.cities[q].local_name, "Querétaro");
    EXPECT_EQ(d.cities[d.find_city("pl-krakow")].local_name, "Kraków");
    for (auto& c : d.cities)
        for (auto& g : c.designations) EXPECT_FALSE(g.sources.empty()) << c.id;
}

TEST(DatasetLoader, BadRecordsAreReportedAndSkippedGoodOnesLoad) {
    auto r = test::dataset_with(R"([
      {"id":"ok","name":"Ok","country":"MX","lat":1,"lon":2,"designations":[{"network":"uccn","field":"Design","year":2010}]},
      {"id":"bad-lat","name":"Bad","country":"MX","lat":95,"lon":2,"designations":[{"network":"uccn","field":"Design","year":2010}]},
      {"id":"bad-field","name":"Bad","country":"MX","lat":1,"lon":2,"designations":[{"network":"uccn","field":"Dance","year":2010}]},
      {"id":"bad-year","name":"Bad","country":"MX","lat":1,"lon":2,"designations":[{"network":"uccn","field":"Design","year":"2010"}]},
      {"id":"ok","name":"Duplicate","country":"MX","lat":1,"lon":2,"designations":[{"network":"uccn","field":"Design","year":2010}]},
      {"id":"typo","name":"Typo","country":"MX","lat":1,"lon":2,"colour":"red","designations":[{"network":"uccn","field":"Music","year":2012}]},
      42])");
    ASSERT_EQ(r.dataset.cities.size(), 2u);
    EXPECT_EQ(r.dataset.cities[0].id, "ok");
    EXPECT_EQ(r.dataset.cities[1].id, "typo");
    EXPECT_TRUE(has_problem(r.problems, "cities.json: /cities/1/lat (bad-lat): lat: expected a number in -90..90, got 95"));
    EXPECT_TRUE(has_problem(r.problems, "(bad-field): field: unknown creative field \"Dance\""));
    EXPECT_TRUE(has_problem(r.problems, "(bad-year): year: expected an integer in 2004.."));
    EXPECT_TRUE(has_problem(r.problems, "duplicate city id \"ok\""));
    EXPECT_TRUE(has_problem(r.problems, "/cities/5/colour (typo): warning: colour: unknown field"));
    EXPECT_TRUE(has_problem(r.problems, "/cities/6: expected an object, got a number"));
    EXPECT_TRUE(has_problem(r.problems, "(bad-field): designations: a city needs at least one valid designation"));
    EXPECT_EQ(r.error_count(), 7);  // 5 bad records; two of them also lose their only designation
}

TEST(DatasetLoader, ArchitectureBefore2025IsAnError) {
    auto r = test::dataset_with(R"([{"id":"x","name":"X","country":"MX","lat":1,"lon":2,
        "designations":[{"network":"uccn","field":"Architecture","year":2019}]}])");
    EXPECT_TRUE(r.dataset.cities.empty());
    EXPECT_TRUE(has_problem(r.problems, "the field Architecture exists since 2025"));
}

TEST(DatasetLoader, LinksToMissingCitiesAreRejected) {
    auto r = test::dataset_with(test::three_cities(), R"([
      {"id":"l1","from":"mx-puebla","to":"de-berlin","network":"twinning"},
      {"id":"l2","from":"mx-puebla","to":"nowhere","network":"twinning"},
      {"id":"l3","from":"mx-puebla","to":"de-berlin","network":"uccn"}])");
    ASSERT_EQ(r.dataset.links.size(), 1u);
    EXPECT_TRUE(has_problem(r.problems, "(l2): to: no city with id \"nowhere\""));
    EXPECT_TRUE(has_problem(r.problems, "(l3): network: unknown link kind \"uccn\""));
}

TEST(JsonIo, SyntaxErrorsSayWhere) {
    auto doc = parse_json("{\"a\": [1, 2,, 3]}");
    ASSERT_FALSE(doc.ok());
    EXPECT_NE(doc.error.find("line 1, column 13"), std::string::npos) << doc.error;
}

TEST(JsonIo, DeepNestingIsRefusedWithoutRecursion) {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    auto doc = parse_json(deep);
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.error, "nesting deeper than 64 levels");
    EXPECT_TRUE(parse_json(std::string(64, '[') + std::string(64, ']')).ok());
}

TEST(JsonIo, BracketsInsideStringsAreNotNesting) {
    const std::string brackets(100, '[');
    auto doc = parse_json("{\"a\": \"" + brackets + "\", \"b\": \"\\\"" + brackets + "\"}");
    ASSERT_TRUE(doc.ok()) << doc.error;
    EXPECT_EQ(doc.value["a"], brackets);
    EXPECT_EQ(doc.value["b"], "\"" + brackets);
}

TEST(JsonIo, InvalidUtf8IsAnError) {
    auto doc = parse_json("{\"name\": \"Quer\xE9taro\"}");  // Latin-1, not UTF-8
    ASSERT_FALSE(doc.ok());
    EXPECT_NE(doc.error.find("UTF-8"), std::string::npos) << doc.error;
}

TEST(DatasetLoader, MissingDirectoryNamesEachFile) {
    auto r = load_dataset("/nonexistent-atlas-dir");
    EXPECT_EQ(r.error_count(), 5);
    EXPECT_TRUE(has_problem(r.problems, "cities.json: cannot open the file"));
}

TEST(LoadFiles, LaterFilesMergeByIdAndNothingElseIsLost) {
    auto base = test::dataset_with(test::three_cities());
    std::vector<DataFile> files = {{"fields.json", test::fields_json()},
                                   {"networks.json", test::networks_json()},
                                   {"cities.json", R"({"format":"atlas-sur/cities","version":1,"cities":)" + test::three_cities() + "}"},
                                   {"my update.json", R"J({"format":"atlas-sur/cities","version":1,"cities":[
        {"id":"de-berlin","name":"Berlin","localName":"Berlin (corrected)","country":"DE","lat":52.5,"lon":13.4,
         "designations":[{"network":"uccn","field":"design","year":2005}]},
        {"id":"mx-oaxaca","name":"Oaxaca","country":"MX","lat":17.06,"lon":-96.72,
         "designations":[{"network":"mx-heritage","year":1987}]}]})J"}};
    auto r = load_files(files);
    EXPECT_TRUE(r.problems.empty()) << r.problems.front().to_string();
    ASSERT_EQ(r.dataset.cities.size(), 4u);  // 3 bundled, one replaced, one added
    EXPECT_EQ(r.dataset.cities[r.dataset.find_city("de-berlin")].local_name, "Berlin (corrected)");
    EXPECT_GE(r.dataset.find_city("mx-oaxaca"), 0);
    EXPECT_GE(r.dataset.find_city("br-salvador"), 0);
}

// Files are parsed in the order of the kinds their first bytes name (each loaded and freed before
// the next is parsed); a file that names its kind late, or seems to name another, still loads and
// merges in the order given.
TEST(LoadFiles, FilesMergeInTheOrderGivenWhateverTheirFirstBytesSay) {
    auto berlin = [](const std::string& local, const std::string& padding) {
        return R"({"id":"de-berlin","name":"Berlin","localName":")" + local + R"(","country":"DE","lat":52.5,"lon":13.4,"altNames":[")" +
               padding + R"("],"designations":[{"network":"uccn","field":"design","year":2005}]})";
    };
    // "format" after 5 KB: its kind is known only once it is parsed.
    const DataFile late{"late.json", R"({"version":1,"cities":[)" + berlin("Berlin late", std::string(5000, 'x')) + R"(],"format":"atlas-sur/cities"})"};
    const DataFile early{"early.json", R"({"format":"atlas-sur/cities","version":1,"cities":[)" + berlin("Berlin early", "") + "]}"};
    const DataFile fields{"fields.json", test::fields_json()}, networks{"networks.json", test::networks_json()};
    for (const auto& [files, expected] : {std::pair{std::vector<DataFile>{fields, networks, late, early}, "Berlin early"},
                                          std::pair{std::vector<DataFile>{fields, networks, early, late}, "Berlin late"},
                                          std::pair{std::vector<DataFile>{late, early, networks, fields}, "Berlin early"}}) {
        auto r = load_files(files);
        EXPECT_EQ(r.error_count(), 0) << r.problems.front().to_string();
        ASSERT_EQ(r.dataset.cities.size(), 1u);
        EXPECT_EQ(r.dataset.cities[0].local_name, expected);
    }
    // A fields file whose first "format" is a record's (an unknown member: a warning) seems to be links,
    // the last kind: it is still loaded before the cities that need its fields.
    const DataFile odd_fields{"odd.json", R"({"version":1,"fields":[{"format":"atlas-sur/links","id":"design","name":"Design",)"
                                          R"("color":"#56B4E9","since":2004}],"format":"atlas-sur/fields"})"};
    auto r = load_files({early, odd_fields, networks});
    EXPECT_EQ(r.error_count(), 0) << r.problems.front().to_string();
    EXPECT_TRUE(has_problem(r.problems, "odd.json: /fields/0/format (design): warning: format: unknown field (ignored)"));
    ASSERT_EQ(r.dataset.cities.size(), 1u);
    EXPECT_EQ(r.dataset.cities[0].designations.size(), 1u);
}

TEST(LoadFiles, AFileWithNothingUsableIsRejectedAndTheDataStays) {
    std::vector<DataFile> files = {{"fields.json", test::fields_json()},
                                   {"networks.json", test::networks_json()},
                                   {"cities.json", R"({"format":"atlas-sur/cities","version":1,"cities":)" + test::three_cities() + "}"},
                                   {"broken.json", R"({"format":"atlas-sur/cities","version":1,"cities":[{"id":"x"}]})"},
                                   {"notes.txt", "just text"}};
    auto r = load_files(files);
    EXPECT_EQ(r.dataset.cities.size(), 3u);
    EXPECT_EQ(r.rejected, (std::vector<std::string>{"notes.txt", "broken.json"}));
    EXPECT_TRUE(has_problem(r.problems, "broken.json: no valid record in the file"));
    EXPECT_TRUE(has_problem(r.problems, "notes.txt: parse error at line 1, column 1"));
}

TEST(LoadFiles, OversizedFilesAreRefusedBeforeParsing) {
    DataFile huge{"huge.json", std::string(kMaxDataFileBytes + 1, ' ')};
    auto r = load_files({huge});
    EXPECT_TRUE(has_problem(r.problems, "huge.json: file is 16777217 bytes, more than the limit of 16777216"));
}

TEST(JsonIo, OutputNeverAbortsOnInvalidUtf8) {
    nlohmann::json j = std::string("Quer\xE9taro");  // a message quoting a Latin-1 byte
    EXPECT_EQ(to_text(j), "\"Quer\xEF\xBF\xBDtaro\"");  // U+FFFD
    EXPECT_EQ(utf8_prefix("Querétaro", 5), "Quer...");   // not half of the é
    EXPECT_EQ(utf8_prefix("Querétaro", 6), "Queré...");
    auto doc = parse_json("{\"a\": \"\xE9\"}");
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(to_text(doc.error).find('\xE9'), std::string::npos);
}

// A file of records is read record by record while it is parsed: the document keeps the other
// members, the records' array stays empty, and each record is handed over once, in order.
TEST(JsonIo, AStreamedArrayHandsOverEachElementAndKeepsTheRest) {
    std::vector<json> seen;
    std::vector<std::size_t> indices;
    std::size_t at_most = 0;
    RecordStream stream;
    stream.open = [&](const json& head, const std::string& key, std::size_t n) {
        if (key != "cities") return false;  // "palette" is kept whole
        EXPECT_EQ(head.value("format", ""), "atlas-sur/cities");
        at_most = n;
        return true;
    };
    stream.element = [&](json& e, std::size_t i) { seen.push_back(std::move(e)), indices.push_back(i); };
    const JsonDocument doc = parse_json(R"({"format":"atlas-sur/cities","palette":[1,2],"cities":[{"id":"a","n":[1,{"x":2}]},3,[4],"s"],"after":{"k":true}})",
                                        kMaxJsonDepth, &stream);
    ASSERT_TRUE(doc.ok()) << doc.error;
    EXPECT_EQ(doc.value, json::parse(R"({"format":"atlas-sur/cities","palette":[1,2],"cities":[],"after":{"k":true}})"));
    EXPECT_EQ(json(seen), json::parse(R"([{"id":"a","n":[1,{"x":2}]},3,[4],"s"])"));
    EXPECT_EQ(indices, (std::vector<std::size_t>{0, 1, 2, 3}));
    EXPECT_GE(at_most, 4u);
    EXPECT_LE(at_most, 4u + 2u + 1u);  // (an upper bound: the palette's items and the last object's member count too)
    // A syntax error after some elements: the document is an error, as without a stream.
    const JsonDocument broken = parse_json(R"({"format":"atlas-sur/cities","cities":[{"id":"a"},{"id":)", kMaxJsonDepth, &stream);
    EXPECT_FALSE(broken.ok());
    EXPECT_EQ(broken.error, parse_json(R"({"format":"atlas-sur/cities","cities":[{"id":"a"},{"id":)").error);
}

// Each kind's index of ids is kept across its files (each file indexes only what it adds): a later
// file still replaces what any earlier file loaded, a broken file's additions leave the index with
// its records, and ids repeated within one file are caught whether they are new or replacements.
TEST(LoadFiles, ManyFilesOfAKindMergeByIdThroughOneIndex) {
    auto city = [](const std::string& id, const std::string& local) {
        return R"({"id":")" + id + R"(","name":"N","localName":")" + local +
               R"(","country":"DE","lat":1,"lon":2,"designations":[{"network":"uccn","field":"design","year":2005}]})";
    };
    auto cities = [](const std::string& records, const std::string& tail = "}") {
        return R"({"format":"atlas-sur/cities","version":1,"cities":[)" + records + "]" + tail;
    };
    const std::vector<DataFile> files = {
        {"fields.json", test::fields_json()},
        {"networks.json", test::networks_json()},
        {"cities.json", cities(city("de-berlin", "Berlin 0") + "," + city("a", "A 0"))},
        {"one.json", cities(city("de-berlin", "Berlin 1") + "," + city("b", "B 1"))},
        // broken after its records (cut short): nothing of it stays, "c" included
        {"broken.json", cities(city("c", "C broken") + "," + city("a", "A broken"), R"(,"extra":)")},
        {"two.json", cities(city("c", "C 2") + "," + city("b", "B 2") + "," + city("b", "B again") + "," + city("a", "A 2") + "," +
                            city("c", "C again"))},
        {"links.json", R"({"format":"atlas-sur/links","version":1,"links":[{"id":"l","from":"a","to":"c","network":"twinning"}]})"}};
    const LoadResult r = load_files(files);
    EXPECT_EQ(r.rejected, std::vector<std::string>{"broken.json"});
    std::vector<std::string> shown;
    for (const City& c : r.dataset.cities) shown.push_back(c.id + " " + c.local_name);
    EXPECT_EQ(shown, (std::vector<std::string>{"de-berlin Berlin 1", "a A 2", "b B 2", "c C 2"}));
    for (std::size_t i = 0; i < r.dataset.cities.size(); ++i)
        EXPECT_EQ(r.dataset.find_city(r.dataset.cities[i].id), int(i)) << r.dataset.cities[i].id;
    EXPECT_TRUE(has_problem(r.problems, "two.json: /cities/2/id (b): id: duplicate city id \"b\""));
    EXPECT_TRUE(has_problem(r.problems, "two.json: /cities/4/id (c): id: duplicate city id \"c\""));
    ASSERT_EQ(r.dataset.links.size(), 1u);
    EXPECT_EQ(r.dataset.links[0].to, r.dataset.find_city("c"));
}

// Reading while parsing gives the same data and problems as reading the parsed file, and a file
// found broken after some of its records went in leaves the data as it was.
TEST(LoadFiles, RecordsReadWhileParsingMatchTheWholeFileAndABrokenFileChangesNothing) {
    const std::string records = R"J([
        {"id":"de-berlin","name":"Berlin","localName":"Berlin (corrected)","country":"DE","lat":52.5,"lon":13.4,
         "designations":[{"network":"uccn","field":"design","year":2005}]},
        {"id":"mx-oaxaca","name":"Oaxaca","country":"MX","lat":17.06,"lon":-96.72,"typo":1,
         "designations":[{"network":"mx-heritage","year":1987}]},
        {"id":"xx-bad","name":"Bad","country":"XX","lat":917,"lon":0,"designations":[{"network":"uccn","field":"design","year":2005}]}])J";
    const std::vector<DataFile> base = {{"fields.json", test::fields_json()},
                                        {"networks.json", test::networks_json()},
                                        {"cities.json", R"({"format":"atlas-sur/cities","version":1,"cities":)" + test::three_cities() + "}"}};
    auto load = [&](const std::string& update) {
        std::vector<DataFile> files = base;
        files.push_back({"update.json", update});
        return load_files(files);
    };
    // Streamed ("format" and "version" first) and whole ("format" last: known only once parsed).
    const LoadResult streamed = load(R"({"format":"atlas-sur/cities","version":1,"cities":)" + records + R"(,"extra":1})");
    const LoadResult whole = load(R"({"version":1,"cities":)" + records + R"(,"extra":1,"format":"atlas-sur/cities"})");
    auto described = [](const LoadResult& r) {
        std::multiset<std::string> out;
        for (const auto& p : r.problems) out.insert(p.to_string());
        for (const auto& c : r.dataset.cities) out.insert(c.id + " " + c.local_name + " " + std::to_string(c.designations.size()));
        return out;
    };
    EXPECT_EQ(described(streamed), described(whole));
    EXPECT_EQ(streamed.dataset.cities.size(), 4u);
    EXPECT_TRUE(has_problem(streamed.problems, "update.json: /cities/1/typo (mx-oaxaca): warning: typo: unknown field (ignored)"));
    EXPECT_TRUE(has_problem(streamed.problems, "update.json: /extra: warning: extra: unknown field (ignored)"));
    EXPECT_TRUE(has_problem(streamed.problems, "update.json: /cities/2/lat (xx-bad)"));
    EXPECT_EQ(streamed.dataset.cities[streamed.dataset.find_city("de-berlin")].local_name, "Berlin (corrected)");

    const LoadResult original = load_files(base);
    for (const std::string& broken : {
             // cut short after its records: bad JSON
             R"({"format":"atlas-sur/cities","version":1,"cities":)" + records + R"(,"extra":)",
             // a second "version" after the records, which is the one that counts
             R"({"format":"atlas-sur/cities","version":1,"cities":)" + records + R"(,"version":2})",
             // a second "format" after the records: not cities after all
             R"({"format":"atlas-sur/cities","version":1,"cities":)" + records + R"(,"format":"atlas-sur/fields"})"}) {
        const LoadResult r = load(broken);
        EXPECT_EQ(r.rejected, std::vector<std::string>{"update.json"}) << broken.substr(broken.size() - 30);
        ASSERT_EQ(r.dataset.cities.size(), original.dataset.cities.size());
        for (std::size_t i = 0; i < r.dataset.cities.size(); ++i) {
            EXPECT_EQ(r.dataset.cities[i].id, original.dataset.cities[i].id);
            EXPECT_EQ(r.dataset.cities[i].local_name, original.dataset.cities[i].local_name);
        }
        EXPECT_GE(r.dataset.find_city("de-berlin"), 0);
        EXPECT_LT(r.dataset.find_city("mx-oaxaca"), 0);
        EXPECT_FALSE(has_problem(r.problems, "typo"));  // what was read of it is not reported either
    }
}

// A text fetched in pieces has the shape and the parse of the same text in memory, wherever the
// pieces cut it (an escaped quote or backslash split from its backslash, brackets inside strings).
TEST(JsonIo, ATextInPiecesParsesAsTheWholeText) {
    const std::string text = R"({"a":"\"[[{\\","b":[[1,2],{"c":"]\\\"}"}],"d":[3,4,"\\"],"e":"\u00e9"})";
    const JsonShape shape = json_shape(text);
    const JsonDocument doc = parse_json(text);
    ASSERT_TRUE(doc.ok()) << doc.error;
    EXPECT_EQ(shape.depth, 3);
    EXPECT_EQ(shape.second_level_items, 5u);  // b's two, d's three
    for (std::size_t piece = 1; piece <= 9; ++piece) {
        const JsonText pieces(text.size(), in_pieces(text, piece));
        EXPECT_EQ(json_shape(pieces).depth, shape.depth) << piece;
        EXPECT_EQ(json_shape(pieces).second_level_items, shape.second_level_items) << piece;
        const JsonDocument parsed = parse_json(pieces);
        EXPECT_TRUE(parsed.ok()) << parsed.error;
        EXPECT_EQ(parsed.value, doc.value) << piece;
    }
}

// Files read a piece at a time from where they lie (the browser page's memory) load exactly as
// their texts do: pieces cut strings, escapes and UTF-8 sequences anywhere. A text that stops short
// is a problem of its file, and the others load.
TEST(LoadFiles, FilesFetchedInPiecesLoadAsTheirTexts) {
    std::vector<Problem> unread;
    std::vector<DataFile> files = read_data_dir(ATLAS_DATA_DIR, unread);
    ASSERT_TRUE(unread.empty());
    files.push_back({"update.json", R"({"format":"atlas-sur/cities","version":1,"cities":[
        {"id":"mx-puebla","name":"Puebla","localName":"Heroica \"Puebla\" de Zaragoza \\ \u00c1 ñ","country":"MX",
         "lat":19.04,"lon":-98.2,"designations":[{"network":"uccn","field":"design","year":2015}]},
        {"id":"xx-bad","name":"Bad","country":"XX","lat":917,"lon":0,"designations":[]}]})"});
    files.push_back({"broken.json", R"({"format":"atlas-sur/links","version":1,"links":[{"id":"l","from":)"});
    auto fetched = [](const std::vector<DataFile>& texts, std::size_t piece, std::size_t stop_at = SIZE_MAX) {
        std::vector<DataFile> out;
        for (const DataFile& f : texts) out.push_back({f.name, {}, f.text.size(), in_pieces(f.text, piece, stop_at)});
        return out;
    };
    auto described = [](const LoadResult& r) {
        std::vector<std::string> out;
        for (const auto& p : r.problems) out.push_back(p.to_string());
        for (const auto& c : r.dataset.cities) out.push_back(c.id + " " + c.name + " " + c.local_name + " " + std::to_string(c.lat));
        for (const auto& l : r.dataset.links) out.push_back(l.id + " " + std::to_string(l.from) + " " + std::to_string(l.to));
        out.insert(out.end(), r.rejected.begin(), r.rejected.end());
        return out;
    };
    const LoadResult whole = load_files(files);
    EXPECT_EQ(whole.rejected, std::vector<std::string>{"broken.json"});
    EXPECT_EQ(whole.dataset.cities[std::size_t(whole.dataset.find_city("mx-puebla"))].local_name,
              "Heroica \"Puebla\" de Zaragoza \\ \xC3\x81 \xC3\xB1");
    for (const std::size_t piece : {1u, 2u, 3u, 7u, 4096u, 1u << 20})
        EXPECT_EQ(described(load_files(fetched(files, piece))), described(whole)) << "pieces of " << piece;

    // The cities' file stops short after 1,000 bytes (a page that lost it): that file is reported
    // (its links' cities with it), the others load.
    std::vector<DataFile> cut = fetched(files, 500);
    const auto cities = std::find_if(files.begin(), files.end(), [](const DataFile& f) { return f.name == "cities.json"; });
    cut[std::size_t(cities - files.begin())] = fetched({*cities}, 500, 1000)[0];
    const LoadResult r = load_files(cut);
    EXPECT_TRUE(has_problem(r.problems, "cities.json: ")) << r.problems.front().to_string();
    EXPECT_NE(std::find(r.rejected.begin(), r.rejected.end(), "cities.json"), r.rejected.end());
    EXPECT_FALSE(r.dataset.fields.empty());
    EXPECT_GE(r.dataset.find_city("mx-puebla"), 0);  // (the update's)
}
