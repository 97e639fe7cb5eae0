#include "core/kiosk.h"

#include <algorithm>

#include "core/record_reader.h"

namespace atlas {
using json = nlohmann::json;

KioskConfig read_kiosk_config(const json& section, const std::string& file, const Atlas& atlas,
                              std::vector<Problem>& problems) {
    KioskConfig c;
    records::RecordReader r(section, problems, file, "/kiosk");
    r.set_record("kiosk");
    if (!r.ok()) return c;
    auto seconds = [&](const char* key, double lo, double hi, double& out) {
        if (r.get(key, false)) {
            const double v = r.number(key, lo, hi, false);
            if (v >= lo && v <= hi) out = v;
        }
    };
    seconds("idleSeconds", 1, 86400, c.idle_seconds);
    seconds("countdownSeconds", 20, 600, c.countdown_seconds);
    seconds("stepSeconds", 2, 600, c.step_seconds);
    for (const auto& id : r.strings("tours")) {
        if (atlas.data().find_tour(id) >= 0) c.tours.push_back(id);
        else r.fail("tours", "no tour with id \"{id}\"", {{"id", id}});
    }
    for (const auto& lang : r.strings("languages")) {
        if (atlas.has_language(lang)) c.languages.push_back(lang);
        else r.fail("languages", "no catalogue for the language \"{lang}\"", {{"lang", lang}});
    }
    if (const std::string lang = r.str("startLanguage", false); !lang.empty()) {
        if (atlas.has_language(lang)) c.start_language = lang;
        else r.fail("startLanguage", "no catalogue for the language \"{lang}\"", {{"lang", lang}});
    }
    if (const std::string chord = r.str("exitChord", false); !chord.empty()) c.exit_chord = chord;
    r.only({"idleSeconds", "countdownSeconds", "stepSeconds", "tours", "languages", "startLanguage", "exitChord"});
    return c;
}

void Kiosk::log(const std::string& line) const {
    if (log_) log_(line);
}

bool Kiosk::touched(Atlas& atlas) {
    const Phase was = phase_;
    phase_ = Phase::Exploring;
    clock_ = 0;
    if (was == Phase::Attract) {  // the map stays where the loop was; the visitor takes over
        atlas.act({{"type", "tourExit"}});
        log("kiosk: a visitor touched the screen; the attract loop stops");
    }
    return was != Phase::Exploring;
}

void Kiosk::reset(Atlas& atlas) {
    ++resets_;
    atlas.act({{"type", "tourExit"}});
    atlas.act({{"type", "presenter"}, {"on", false}});
    atlas.act({{"type", "search"}, {"query", ""}});
    atlas.act({{"type", "reset"}});
    const std::string lang = config_.start_language.empty() ? atlas.languages().front() : config_.start_language;
    atlas.act({{"type", "language"}, {"lang", lang}});
    log("kiosk: no touch for " + std::to_string(int(config_.idle_seconds + config_.countdown_seconds)) +
        " s: back to the start view in " + lang);
}

// The attract loop's next tour, in the next language of the rotation.
void Kiosk::next_tour(Atlas& atlas) {
    std::vector<std::string> tours = config_.tours;
    if (tours.empty())
        for (const auto& t : atlas.data().tours) tours.push_back(t.id);
    settled_ = 0;
    if (tours.empty()) return;  // no tours: the reset start view stays
    ++tour_turn_;
    const std::string& tour = tours[std::size_t(tour_turn_) % tours.size()];
    if (!config_.languages.empty()) {
        const std::string& lang = config_.languages[std::size_t(tour_turn_) % config_.languages.size()];
        atlas.act({{"type", "language"}, {"lang", lang}});
    }
    atlas.act({{"type", "tour"}, {"id", tour}});
    log("kiosk: attract loop: the tour " + tour + " in " + atlas.language());
}

void Kiosk::update(Atlas& atlas, double dt) {
    clock_ += dt;
    switch (phase_) {
        case Phase::Exploring:
            if (clock_ >= config_.idle_seconds) {
                phase_ = Phase::Countdown, clock_ = 0;
                log("kiosk: no touch for " + std::to_string(int(config_.idle_seconds)) + " s: the countdown starts");
            }
            break;
        case Phase::Countdown:
            if (clock_ >= config_.countdown_seconds) {
                reset(atlas);
                phase_ = Phase::Attract, clock_ = 0;
                next_tour(atlas);
            }
            break;
        case Phase::Attract: {
            if (atlas.tour() < 0) {  // between tours (or the tour ended): the next one
                next_tour(atlas);
                break;
            }
            const bool still = !atlas.camera_controller().moving() && !atlas.playing();
            settled_ = still ? settled_ + dt : 0;
            if (settled_ < config_.step_seconds) break;
            settled_ = 0;
            const int steps = int(atlas.data().tours[atlas.tour()].steps.size());
            if (atlas.tour_step() + 1 < steps) atlas.act({{"type", "tourNext"}});
            else atlas.act({{"type", "tourExit"}});  // the next update starts the next tour
            break;
        }
    }
}

json Kiosk::state() const {
    static const char* names[] = {"exploring", "countdown", "attract"};
    return {{"phase", names[int(phase_)]},
            {"idle", phase_ == Phase::Exploring ? clock_ : config_.idle_seconds},
            {"countdown", countdown_left()},
            {"resets", resets_},
            {"loops", tour_turn_ + 1}};
}

}  // namespace atlas
