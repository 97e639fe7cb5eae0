// Translations: one catalogue per language (assets/i18n/<lang>.json), keyed by the English source
// text, so a missing translation falls back to English and never shows a key. A translator edits a
// file, not C++.
//
//   {"format": "atlas-sur/strings", "version": 1, "language": "es", "name": "Español",
//    "plural": {"one": [1]},                          which integers take the "one" form (CLDR)
//    "numbers": {"group": ".", "minimumGroupingDigits": 2},   thousands as CLDR writes them
//    "strings": {"Play": "Reproducir",
//                "{n} cities": {"one": "{n} ciudad", "other": "{n} ciudades"},
//                "field:design": "Diseño", "network:uccn": "...", "network:uccn:description": "..."}}
//
// Placeholders are named ({n}, {year}, {name}); a number is written the language's way, and {n}
// chooses the plural form. Country names come from a generated file (CLDR data through npm
// i18n-iso-countries, see tools/build_country_names.mjs), read into the same catalogues.
#pragma once
#include <nlohmann/json.hpp>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/dataset_loader.h"

namespace atlas {

class Catalogue {
public:
    using Arg = std::variant<long long, std::string>;

    // Reads a catalogue file; problems name the file and the key.
    static bool load(const std::string& text, const std::string& file, Catalogue& out, std::vector<Problem>& problems);
    // Adds country names ({"MX": "México", ...}) under keys "country:MX".
    void add_countries(const nlohmann::json& names);

    const std::string& language() const { return language_; }
    const std::string& name() const { return name_; }  // the language's own name: "Español"
    // The translation of an English source text, or the text itself.
    const char* tr(const char* english) const;
    const std::string& tr(const std::string& english) const;
    // A key that is not English text ("field:design"), with a fallback when the catalogue lacks it.
    const std::string& lookup(const std::string& key, const std::string& fallback) const;
    bool has(const std::string& key) const { return strings_.count(key) || plurals_.count(key); }
    // Fills the named placeholders; {n} (a number) chooses the plural form.
    std::string format(const std::string& english, std::initializer_list<std::pair<const char*, Arg>> args) const;
    std::string number(long long n) const;
    // A problem of a data file (see Problem) in this language: its template translated, and those
    // of its values that are words of the catalogue ("a string") too.
    std::string problem_message(const Problem& p) const;
    char decimal_mark() const { return decimal_; }
    char list_separator() const { return list_separator_; }  // what the language's spreadsheets split CSV on
    bool plural_one(long long n) const;

    std::vector<std::string> keys() const;
    // The catalogue as JSON: {language, name, strings: {english: translation or {one, other}}}.
    nlohmann::json to_json() const;
    // The entries whose key starts with `prefix`, the prefix removed ("country:" -> {"MX", "México"}).
    std::vector<std::pair<std::string, std::string>> entries(const std::string& prefix) const;
    // Every text of the catalogue (for the font coverage check).
    std::vector<std::string> texts() const;

private:
    std::string language_ = "en", name_ = "English";
    std::vector<long long> one_ = {1};
    std::string group_ = ",";
    int min_grouping_ = 1;
    char decimal_ = '.', list_separator_ = ',';
    std::map<std::string, std::string, std::less<>> strings_;
    std::map<std::string, std::pair<std::string, std::string>, std::less<>> plurals_;  // one, other
};

// The catalogues the app has, English first (the fallback of every lookup). Each is 50-60 KB in
// memory, so those read from a folder are let go but English and the language in use, and read
// again when asked for: the web's memory keeps what it grew for (128 KB for the two others).
class Catalogues {
public:
    void add(Catalogue c);  // held for good
    // English when unknown. A reference stays good until let_go_all_but lets that language go.
    const Catalogue& get(const std::string& language) const;
    std::vector<std::string> languages() const;
    const std::string& name(const std::string& language) const;  // in itself: "Español"
    // Each catalogue in turn; one that was let go is read for the visit only.
    void each(const std::function<void(const Catalogue&)>& visit) const;
    void let_go_all_but(const std::string& language);
    bool holds(const std::string& language) const;

private:
    friend Catalogues load_catalogues(const std::string&, std::vector<Problem>&, const std::function<void(const Catalogue&)>&);
    struct Entry {
        std::string language, name;
        mutable std::unique_ptr<Catalogue> held;  // (a pointer: references outlive the vector's growth)
    };
    std::unique_ptr<Catalogue> read(const std::string& language) const;  // from dir_, or null
    std::string dir_;  // where the catalogues were read from; "" when added
    std::vector<Entry> entries_;
};

// Reads <dir>/<lang>.json for every language of <dir>/languages.json, with <dir>/countries.json's
// names when present, and hands each to `visit` as it is read; English alone is held after.
Catalogues load_catalogues(const std::string& dir, std::vector<Problem>& problems,
                           const std::function<void(const Catalogue&)>& visit = {});

// The first of the preferred languages ("es-MX", "fr", ...) that there is a catalogue for, or "".
std::string choose_language(const std::vector<std::string>& preferred, const std::vector<std::string>& available);

}  // namespace atlas
