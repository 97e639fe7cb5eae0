// Catalogues: the shipped ones load, fall back to English, and write plurals and numbers the
// way each language does.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/i18n.h"

using namespace atlas;

namespace {
Catalogues shipped() {
    std::vector<Problem> problems;
    Catalogues c = load_catalogues(ATLAS_SOURCE_DIR "/assets/i18n", problems);
    EXPECT_TRUE(problems.empty()) << problems.front().to_string();
    return c;
}
}  // namespace

TEST(I18n, TheThreeCataloguesLoadEnglishFirst) {
    const Catalogues c = shipped();
    EXPECT_EQ(c.languages(), (std::vector<std::string>{"en", "es", "fr"}));
    EXPECT_EQ(c.get("es").name(), "Español");
    EXPECT_EQ(c.get("de").language(), "en");  // unknown: English
    c.each([&](const Catalogue& cat) {
        for (const auto& key : c.get("en").keys()) EXPECT_TRUE(cat.has(key)) << cat.language() << " lacks " << key;
    });
}

namespace {
// The shipped catalogues copied into a folder of the test's, with country names as the build writes them.
std::filesystem::path catalogue_folder(const std::string& name) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(testing::TempDir()) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const char* f : {"languages.json", "en.json", "es.json", "fr.json"})
        fs::copy_file(fs::path(ATLAS_SOURCE_DIR "/assets/i18n") / f, dir / f);
    std::ofstream(dir / "countries.json") << R"({"names": {"en": {"MX": "Mexico"}, "es": {"MX": "México"}, "fr": {"MX": "Mexique"}}})";
    return dir;
}
}  // namespace

// Only English and the language in use are held; another is read again, the same, when asked for.
TEST(I18n, LetGoCataloguesAreReadAgainTheSame) {
    std::vector<Problem> problems;
    std::vector<std::string> read;
    Catalogues c = load_catalogues(catalogue_folder("i18n-read-again").string(), problems,
                                   [&](const Catalogue& cat) { read.push_back(cat.language()); });
    ASSERT_TRUE(problems.empty());
    EXPECT_EQ(read, (std::vector<std::string>{"en", "es", "fr"}));  // each handed on as it is read
    EXPECT_TRUE(c.holds("en"));
    EXPECT_FALSE(c.holds("es") || c.holds("fr"));  // then let go
    const nlohmann::json es = c.get("es").to_json(), fr = c.get("fr").to_json();
    ASSERT_EQ(c.get("es").lookup("country:MX", "?"), "México");
    c.let_go_all_but("fr");
    EXPECT_TRUE(c.holds("en") && c.holds("fr"));
    EXPECT_FALSE(c.holds("es"));
    EXPECT_EQ(c.name("es"), "Español");  // (the menus name it without reading it)
    EXPECT_EQ(c.get("fr").to_json(), fr);
    EXPECT_EQ(c.get("es").to_json(), es);
    EXPECT_EQ(c.get("es").lookup("country:MX", "?"), "México");
    std::vector<std::string> visited;
    c.let_go_all_but("en");
    c.each([&](const Catalogue& cat) { visited.push_back(cat.language() + ":" + cat.tr(std::string("Play"))); });
    EXPECT_EQ(visited, (std::vector<std::string>{"en:Play", "es:Reproducir", "fr:Lecture"}));
    EXPECT_FALSE(c.holds("es") || c.holds("fr"));  // (read for the visit only)
}

// A file that went bad after it was checked leaves its language in English, and a file whose
// language is not its name is refused (it would be read again by its name).
TEST(I18n, ACatalogueThatCannotBeReadAgainFallsBackToEnglish) {
    const std::filesystem::path dir = catalogue_folder("i18n-gone-bad");
    std::ofstream(dir / "languages.json") << R"({"languages": ["en", "es", "xx"]})";
    std::ofstream(dir / "xx.json") << R"({"format":"atlas-sur/strings","language":"yy","strings":{}})";
    std::vector<Problem> problems;
    Catalogues c = load_catalogues(dir.string(), problems);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].to_string(), "xx.json: /language: expected \"xx\", the file's name") << problems[0].to_string();
    EXPECT_EQ(c.languages(), (std::vector<std::string>{"en", "es"}));
    EXPECT_STREQ(c.get("es").tr("Play"), "Reproducir");
    c.let_go_all_but("en");
    std::ofstream(dir / "es.json") << "{";
    EXPECT_EQ(c.get("es").language(), "en");
    EXPECT_STREQ(c.get("es").tr("Play"), "Play");
    EXPECT_EQ(c.name("es"), "Español");
}

TEST(I18n, PluralsAndNumbersPerLanguage) {
    const Catalogues c = shipped();
    const Catalogue &en = c.get("en"), &es = c.get("es"), &fr = c.get("fr");
    EXPECT_EQ(es.format("{n} cities", {{"n", 1}}), "1 ciudad");
    EXPECT_EQ(es.format("{n} cities", {{"n", 12}}), "12 ciudades");
    EXPECT_EQ(en.format("{n} cities", {{"n", 1}}), "1 city");
    EXPECT_EQ(en.format("{n} cities", {{"n", 0}}), "0 cities");
    EXPECT_EQ(fr.format("{n} cities", {{"n", 0}}), "0 ville");  // French: 0 and 1 are singular
    EXPECT_EQ(fr.format("{n} cities", {{"n", 2}}), "2 villes");
    EXPECT_EQ(en.number(100000), "100,000");
    EXPECT_EQ(es.number(1234), "1234");     // Spanish groups from five digits (CLDR)
    EXPECT_EQ(es.number(12345), "12.345");
    EXPECT_EQ(fr.number(1234), "1\u202f234");  // narrow no-break space
    EXPECT_EQ(fr.number(-1234567), "-1\u202f234\u202f567");
    EXPECT_EQ(es.format("{n} cities (click to open)", {{"n", 10000}}), "10.000 ciudades (clic para abrir)");
}

TEST(I18n, MissingTranslationsFallBackToEnglishNeverToAKey) {
    const Catalogues c = shipped();
    EXPECT_STREQ(c.get("es").tr("Play"), "Reproducir");
    EXPECT_STREQ(c.get("es").tr("A text nobody translated"), "A text nobody translated");
    EXPECT_EQ(c.get("fr").lookup("field:no-such-field", "Juggling"), "Juggling");
    EXPECT_EQ(c.get("fr").lookup("field:media-arts", "Media Arts"), "Arts numériques");
}

TEST(I18n, BadCataloguesAreReportedByFileAndKey) {
    std::vector<Problem> problems;
    Catalogue c;
    EXPECT_FALSE(Catalogue::load("{", "xx.json", c, problems));
    EXPECT_FALSE(Catalogue::load(R"({"format":"atlas-sur/strings","language":"xx"})", "xx.json", c, problems));
    EXPECT_TRUE(Catalogue::load(R"({"format":"atlas-sur/strings","language":"xx","strings":{"Play":3,"Pause":"P"}})",
                                "xx.json", c, problems));
    ASSERT_EQ(problems.size(), 3u);
    EXPECT_NE(problems[2].to_string().find("xx.json"), std::string::npos);
    EXPECT_NE(problems[2].to_string().find("/strings/Play"), std::string::npos) << problems[2].to_string();
    EXPECT_STREQ(c.tr("Pause"), "P");
}

TEST(I18n, TheBrowsersLanguageChoosesTheFirst) {
    EXPECT_EQ(choose_language({"es-MX", "en-US"}, {"en", "es", "fr"}), "es");
    EXPECT_EQ(choose_language({"de-DE", "fr-CA"}, {"en", "es", "fr"}), "fr");
    EXPECT_EQ(choose_language({"de"}, {"en", "es", "fr"}), "");
}

TEST(I18n, DataProblemsAreSaidInTheLanguage) {
    const Catalogues c = shipped();
    std::vector<Problem> problems;
    const LoadResult r = load_files({{"cities.json", R"({"format":"atlas-sur/cities","version":1,"cities":[
        {"id":"xx-a","name":"A","country":"XX","lat":"north","lon":0,"designations":[]}]})"}});
    const Problem* lat = nullptr;
    for (const auto& p : r.problems)
        if (p.member == "lat") lat = &p;
    ASSERT_NE(lat, nullptr);
    EXPECT_EQ(lat->message, "lat: expected a number in -90..90, got a string");  // English, as --check-data says it
    EXPECT_EQ(c.get("es").problem_message(*lat), "lat: se esperaba un número en -90..90, se recibió un texto");
    EXPECT_EQ(c.get("fr").problem_message(*lat), "lat: nombre attendu dans -90..90, reçu un texte");
    EXPECT_EQ(lat->to_string(c.get("es").problem_message(*lat), "aviso"), "cities.json: /cities/0/lat (xx-a): lat: se esperaba un número en -90..90, se recibió un texto");
}
