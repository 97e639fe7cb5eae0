// Kiosk mode: a public touch screen left alone for weeks. After a time without a touch a countdown
// ("Touch to keep exploring") runs; at its end the map goes back to the start view and language,
// then an attract loop plays the tours in turn (languages in rotation) until someone touches the
// screen; that first touch only stops the loop and leaves the map where the loop was.
//
// The kiosk drives the atlas through its actions (core/atlas.h), like any other client; the app
// feeds it the time and the visitor's touches, and draws its countdown and invitation.
#pragma once
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/atlas.h"

namespace atlas {

struct KioskConfig {
    double idle_seconds = 90;       // without a touch, then the countdown
    double countdown_seconds = 20;  // at least 20 (WCAG 2.2.1: time to say "more time")
    double step_seconds = 8;        // the attract loop: each tour step, once it has settled
    std::vector<std::string> tours;      // the attract loop's tours, in turn (empty: every tour)
    std::vector<std::string> languages;  // its languages in rotation (empty: the start language)
    std::string start_language;          // after a reset ("": the app's default)
    std::string exit_chord = "ctrl+alt+q";  // how a technician leaves (also SIGTERM)
};

// Reads the "kiosk" section of a configuration file (--config). Each bad member is a problem naming
// the file, the member and what was expected, and keeps its default; ids are checked against the
// atlas (tours, languages).
KioskConfig read_kiosk_config(const nlohmann::json& section, const std::string& file, const Atlas& atlas,
                              std::vector<Problem>& problems);

class Kiosk {
public:
    enum class Phase { Exploring, Countdown, Attract };
    explicit Kiosk(KioskConfig config) : config_(std::move(config)) {}
    const KioskConfig& config() const { return config_; }

    // The visitor touched, clicked or pressed a key. True when the touch only woke the kiosk (during
    // the countdown or the attract loop): it must do nothing else.
    bool touched(Atlas& atlas);
    // The clock moves on by `dt` seconds (the app's frame time, or a test's fast clock).
    void update(Atlas& atlas, double dt);

    Phase phase() const { return phase_; }
    double countdown_left() const { return phase_ == Phase::Countdown ? config_.countdown_seconds - clock_ : 0; }
    nlohmann::json state() const;  // {phase, idle, countdown, tour, language, resets, loops}
    // One line per event a technician may want (reset, attract: tour and language, woken).
    void on_log(std::function<void(const std::string&)> log) { log_ = std::move(log); }

private:
    void reset(Atlas& atlas);
    void next_tour(Atlas& atlas);
    void log(const std::string& line) const;
    KioskConfig config_;
    Phase phase_ = Phase::Exploring;
    double clock_ = 0;     // seconds in the current phase (exploring: since the last touch)
    double settled_ = 0;   // the attract loop: seconds the current step has stood still
    int tour_turn_ = -1, resets_ = 0;
    std::function<void(const std::string&)> log_;
};

}  // namespace atlas
