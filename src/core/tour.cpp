#include "core/tour.h"

#include <algorithm>

#include "core/record_reader.h"

namespace atlas {
using records::RecordReader;
using records::pointer;
using json = nlohmann::json;

const std::string& Texts::in(const std::string& language) const {
    static const std::string none;
    auto it = by_language.find(language);
    if (it == by_language.end() || it->second.empty()) it = by_language.find("en");
    return it == by_language.end() ? none : it->second;
}

namespace {
constexpr const char* kTourLanguages[] = {"en", "es", "fr"};  // every shipped text is in these
constexpr double kMaxStepSeconds = 20;
constexpr int kMaxSteps = 200;

// {"en": "...", "es": "..."}: English required when `required`; the other tour languages missing
// are warnings (the English text is shown instead).
Texts texts(RecordReader& r, const char* key, bool required) {
    Texts out;
    const json* v = r.get(key, required);
    if (!v) return out;
    if (!v->is_object()) {
        r.fail(key, "expected an object of texts by language, like {\"en\": \"...\", \"es\": \"...\"}, got {got}",
               {{"got", records::type_name(*v)}});
        return out;
    }
    for (const auto& [lang, text] : v->items()) {
        if (lang.size() < 2 || lang.size() > 8 || !std::all_of(lang.begin(), lang.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
            r.fail(key, "\"{lang}\" is not a language code like \"es\"", {{"lang", utf8_prefix(lang, 20)}});
        else if (!text.is_string())
            r.fail(key, "the text in \"{lang}\" must be a string, got {got}", {{"lang", lang}, {"got", records::type_name(text)}});
        else
            out.by_language[lang] = utf8_prefix(text.get<std::string>(), kMaxStringLength);
    }
    if (!out.empty() && !out.by_language.count("en")) r.fail(key, "the English text (\"en\") is missing");
    if (required || !out.empty())
        for (const char* lang : kTourLanguages)
            if (out.by_language.count("en") && !out.by_language.count(lang))
                r.fail(key, "no text in \"{lang}\": the English one is shown", {{"lang", lang}}, /*warning=*/true);
    return out;
}

// The ids a step's view names must exist in the data.
void check_view(RecordReader& r, const ViewState& v, const Dataset& d) {
    auto city = [&](const std::string& id) {
        if (!id.empty() && d.find_city(id) < 0) r.fail("view", "no city with id \"{id}\"", {{"id", id}});
    };
    if (v.fields)
        for (const auto& id : *v.fields)
            if (d.find_field(id) < 0) r.fail("view", "unknown creative field \"{id}\" (not in fields.json)", {{"id", id}});
    if (v.networks)
        for (const auto& id : *v.networks)
            if (const int n = d.find_network(id); n < 0 || !d.networks[n].is_city_group())
                r.fail("view", "unknown city network \"{id}\" (not in networks.json)", {{"id", id}});
    if (v.selected) city(*v.selected);
    if (v.network && !v.network->empty() && d.find_network(*v.network) < 0)
        r.fail("view", "no network with id \"{id}\"", {{"id", *v.network}});
    if (v.language) r.fail("view", "a step has no language: a tour is told in the viewer's language");
}

TourStep read_step(RecordReader& r, const Dataset& d) {
    TourStep s;
    s.title = texts(r, "title", true);
    s.caption = texts(r, "caption", false);
    s.notes = texts(r, "notes", false);
    if (const json* view = r.get("view", false)) {
        std::vector<std::string> notices;
        s.view = view_from_json(*view, notices);
        for (const auto& n : notices) r.fail("view", "{problem}", {{"problem", n}});
        check_view(r, s.view, d);
    }
    s.fit = r.strings("fit");
    for (const auto& id : s.fit)
        if (d.find_city(id) < 0) r.fail("fit", "no city with id \"{id}\"", {{"id", id}});
    if (!s.fit.empty() && s.view.lon) r.fail("fit", "a step has a camera or cities to fit, not both");
    if (const json* play = r.get("play", false)) {
        RecordReader p(*play, r.problems(), r.file(), r.pointer_to("play"));
        p.set_record(r.record());
        const int from = p.integer("from", view_limits::kMinYear, view_limits::kMaxYear);
        const int to = p.integer("to", view_limits::kMinYear, view_limits::kMaxYear);
        p.only({"from", "to"});
        if (p.ok() && from > to) p.fail("to", "must not be before \"from\" ({from})", {{"from", std::to_string(from)}});
        if (p.ok()) s.play_from = from, s.play_to = to;
        else r.invalidate();
    }
    if (const std::string t = r.str("transition", false); !t.empty()) {
        if (t != "fly" && t != "cut") r.fail("transition", "expected \"fly\" or \"cut\", got \"{got}\"", {{"got", t}});
        s.cut = t == "cut";
    }
    s.seconds = r.number("seconds", 0, kMaxStepSeconds, false);
    r.only({"title", "caption", "notes", "view", "fit", "play", "transition", "seconds"});
    return s;
}
}  // namespace

std::unique_ptr<records::RecordSink> tours_into(const std::string& file, const char* key, Dataset& d, records::RecordIndex& index) {
    return records::records_into(file, key, "tour", d.tours, index, [&d](RecordReader& r, Tour& t, std::size_t i) {
        t.title = texts(r, "title", true);
        t.description = texts(r, "description", false);
        r.only({"id", "title", "description", "steps"});
        const json* steps = r.array("steps");
        if (!steps) return;
        if (steps->empty() || steps->size() > kMaxSteps) {
            r.fail("steps", "a tour needs 1 to {limit} steps, it has {n}",
                   {{"limit", std::to_string(kMaxSteps)}, {"n", std::to_string(steps->size())}});
            return;
        }
        for (std::size_t k = 0; k < steps->size(); ++k) {
            RecordReader sr((*steps)[k], r.problems(), r.file(), pointer("tours", i) + pointer("steps", k));
            sr.set_record(t.id + " step " + std::to_string(k + 1));
            TourStep step = read_step(sr, d);
            if (sr.ok()) t.steps.push_back(std::move(step));
        }
        if (t.steps.empty()) r.fail("steps", "no valid step: the tour was not loaded");
    });
}

}  // namespace atlas
