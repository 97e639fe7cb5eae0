// The soak test (--soak DAYS): weeks of a kiosk in minutes. Each simulated day the hall opens at 9
// and closes at 19; visitors come at random (a fixed seed, so every run is the same), tap, drag,
// zoom and change the language, then walk away: the kiosk counts down, resets and plays its attract
// loop until the next one, and all night. Every six hours the data is reloaded (as an operator's
// update would); twice a day the GL context is lost. The app's clock runs fast (AppHooks::test_clock).
//
// Memory (RSS), GL objects, open files and the font atlas are sampled every two simulated hours.
// After a warm-up (the first day, or the first quarter of a shorter run), RSS may not grow by more
// than 5 % (peak against peak) and the rest may not grow at all; otherwise the run fails.
#include <dirent.h>
#include <malloc.h>
#include <unistd.h>

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/json_io.h"
#include "platform/gl.h"
#include "platform/platform.h"

namespace atlas::platform {

void request_context_loss();  // platform_native.cpp
}  // namespace atlas::platform

// LeakSanitizer, when the program runs with it (preloaded, see tests/native/run_soak.sh): a leak check while every
// library is still loaded, so that the system's own leaks at exit (X11, D-Bus, the GL driver,
// unloaded by then) do not hide ours or need blanket suppressions.
extern "C" int __lsan_do_recoverable_leak_check() __attribute__((weak));

namespace atlas::platform {

namespace {

struct Sample {
    double hours = 0;  // simulated, since the start
    double rss_mb = 0, heap_mb = 0;  // heap: what the program holds (RSS also counts free pages kept)
    int gl_objects = 0, files = 0, font_atlas = 0;
    nlohmann::json kiosk;
};

double rss_mb() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return double(resident) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

int open_files() {
    int n = 0;
    if (DIR* d = opendir("/proc/self/fd")) {
        while (const dirent* e = readdir(d))
            if (e->d_name[0] != '.') ++n;
        closedir(d);
        --n;  // the directory being read
    }
    return n;
}

// Live GL objects of every kind, by asking for each name: drivers hand out the lowest free names,
// so a leak shows as names that stay taken.
int gl_objects() {
    int n = 0;
    for (GLuint name = 1; name <= 4096; ++name)
        n += glIsBuffer(name) + glIsTexture(name) + glIsVertexArray(name) + glIsProgram(name) + glIsShader(name) +
             glIsFramebuffer(name) + glIsRenderbuffer(name);
    return n;
}

Sample sample(double hours, AppHooks& app) {
    const ImGuiIO& io = ImGui::GetIO();
    return {hours, rss_mb(), double(mallinfo2().uordblks) / (1024.0 * 1024.0), gl_objects(), open_files(), io.Fonts->TexWidth * io.Fonts->TexHeight,
            app.state().value("kiosk", nlohmann::json::object())};
}

std::string clock_text(double hours) {
    char text[32];
    const int day = int(hours / 24), minutes = int((hours - day * 24) * 60);
    std::snprintf(text, sizeof text, "day %d %02d:%02d", day + 1, minutes / 60, minutes % 60);
    return text;
}

void print(const Sample& s) {
    std::printf("soak: %s  RSS %6.1f MB  heap %5.1f MB  GL objects %3d  open files %2d  font atlas %d px  resets %d  loops %d\n",
                clock_text(s.hours).c_str(), s.rss_mb, s.heap_mb, s.gl_objects, s.files, s.font_atlas,
                s.kiosk.value("resets", 0), s.kiosk.value("loops", 0));
    std::fflush(stdout);
}

// A visitor's finger, as SDL reports a touch screen: the mouse events SDL makes from touches.
void push_mouse(Uint32 type, int x, int y) {
    SDL_Event e{};
    e.type = type;
    if (type == SDL_MOUSEMOTION) {
        e.motion.which = SDL_TOUCH_MOUSEID;
        e.motion.x = x, e.motion.y = y;
    } else {
        e.button.which = SDL_TOUCH_MOUSEID;
        e.button.button = SDL_BUTTON_LEFT;
        e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
        e.button.clicks = 1;
        e.button.x = x, e.button.y = y;
    }
    SDL_PushEvent(&e);
}

void push_wheel(double notches) {
    SDL_Event e{};
    e.type = SDL_MOUSEWHEEL;
    e.wheel.preciseY = float(notches);
    e.wheel.y = notches > 0 ? 1 : -1;
    SDL_PushEvent(&e);
}

// A data file of the bundled data folder, as an operator's update would bring it.
bool read_data_file(const std::string& dir, std::string& name, std::string& text) {
    name = "cities.json";
    std::ifstream in(dir + "/" + name, std::ios::binary);
    text.assign(std::istreambuf_iterator<char>(in), {});
    return !text.empty();
}

}  // namespace

int run_soak(const Options& o, AppHooks& app) {
    const auto started = std::chrono::steady_clock::now();
    const double end_hours = o.soak_days * 24;
    std::mt19937 random(20260301);
    auto chance = [&](double p) { return std::uniform_real_distribution<>(0, 1)(random) < p; };
    auto between = [&](int lo, int hi) { return std::uniform_int_distribution<>(lo, hi)(random); };
    const int w = o.width, h = o.height;
    const char* languages[] = {"en", "es", "fr"};

    // The run starts at 08:30 on the first day, so that even a short run sees visitors.
    const double start = 8.5;
    double hours = start, next_sample = start, next_reload = start + 2, next_loss = start + 3;
    double next_visitor = 9 + 0.25;  // the first comes a quarter of an hour after opening
    double visit_ends = -1;          // within a visit until then
    int visitors = 0, reloads = 0, losses = 0, frame = 0;
    int drag_frames = 0, drag_x = 0, drag_y = 0;
    bool pressed = false;
    std::vector<Sample> samples;
    std::string data_name, data_text;
    const bool have_data = read_data_file(o.data_dir, data_name, data_text);

    for (;;) {
        const double day_hour = hours - 24 * std::floor(hours / 24);
        const bool open = day_hour >= 9 && day_hour < 19;
        const bool visiting = hours < visit_ends;
        // Seconds per frame: a visitor's gestures need real frames; an empty hall can race.
        const double dt = visiting ? 2 : 20;
        app.test_clock(dt);

        if (!visiting && open && hours >= next_visitor) {  // someone walks up
            visit_ends = hours + between(40, 300) / 3600.0;
            next_visitor = hours + between(3, 15) / 60.0 + (visit_ends - hours);
            ++visitors;
            if (chance(0.4)) app.act({{"type", "language"}, {"lang", languages[between(0, 2)]}});
        } else if (!open && day_hour >= 19 && next_visitor < hours) {
            next_visitor = std::floor(hours / 24) * 24 + 24 + 9 + between(5, 30) / 60.0;  // tomorrow
        }
        if (pressed) {  // a finger is down: move it (a drag) or lift it (a tap)
            if (drag_frames > 0) {
                drag_x = std::clamp(drag_x + between(-60, 60), 0, w - 1), drag_y = std::clamp(drag_y + between(-40, 40), 0, h - 1);
                push_mouse(SDL_MOUSEMOTION, drag_x, drag_y);
                --drag_frames;
            } else {
                push_mouse(SDL_MOUSEBUTTONUP, drag_x, drag_y);
                pressed = false;
            }
        } else if (visiting && chance(0.5)) {
            drag_x = between(0, w - 1), drag_y = between(0, h - 1);
            if (chance(0.15)) {
                push_mouse(SDL_MOUSEMOTION, drag_x, drag_y);
                push_wheel(between(-3, 3));
            } else {
                push_mouse(SDL_MOUSEMOTION, drag_x, drag_y);
                push_mouse(SDL_MOUSEBUTTONDOWN, drag_x, drag_y);
                pressed = true;
                drag_frames = chance(0.3) ? between(2, 6) : 0;
            }
        }
        if (hours >= next_reload) {  // an operator's update: a data file, then the bundled data again
            next_reload += 6;
            if (have_data && reloads % 2 == 0) app.load_data({{data_name, data_text}}, {});
            else app.reset_data();
            ++reloads;
        }
        if (hours >= next_loss) {
            next_loss += 12;
            request_context_loss();
            ++losses;
        }
        if (!app.frame()) break;
        ++frame;
        heartbeat();
        if (hours >= next_sample) {
            samples.push_back(sample(hours, app));
            print(samples.back());
            next_sample += 2;
        }
        if (hours >= start + end_hours) break;
        hours += dt / 3600;
    }
    app.test_clock(-1);

    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("soak: %.1f simulated days in %.0f s (%d frames): %d visitors, %d data reloads, %d lost GL contexts\n",
                (hours - start) / 24, seconds, frame, visitors, reloads, losses);
    const bool leaks = __lsan_do_recoverable_leak_check && __lsan_do_recoverable_leak_check() != 0;
    if (__lsan_do_recoverable_leak_check) std::printf("soak: LeakSanitizer: %s\n", leaks ? "leaks (above)" : "no leaks");
    // Growth after the warm-up (the first day, or the first quarter of a shorter run). RSS goes up and
    // down by some 10 % as visitors come and go (the allocator keeps freed pages a while), so what
    // is compared is the highest RSS of the last third of the samples after the warm-up against the
    // highest of the first third: a leak raises the peaks; other counts may not grow at all.
    const double warm_up = start + std::min(24.0, end_hours / 4);
    const auto after = std::find_if(samples.begin(), samples.end(), [&](const Sample& s) { return s.hours >= warm_up; });
    const std::ptrdiff_t n = samples.end() - after, third = std::max<std::ptrdiff_t>(1, n / 3);
    if (n < 2) {
        std::printf("soak: FAIL: too short to compare after a warm-up of %.0f h\n", warm_up - start);
        return 1;
    }
    auto peak = [](auto from, auto to) {
        Sample m = *from;
        for (auto s = from; s != to; ++s) {
            m.rss_mb = std::max(m.rss_mb, s->rss_mb);
            m.gl_objects = std::max(m.gl_objects, s->gl_objects);
            m.files = std::max(m.files, s->files);
            m.font_atlas = std::max(m.font_atlas, s->font_atlas);
        }
        return m;
    };
    const Sample first = peak(after, after + third), last = peak(samples.end() - third, samples.end());
    const double rss_growth = 100 * (last.rss_mb / first.rss_mb - 1);
    std::printf("soak: after the warm-up, the first third (from %s) against the last (to %s): RSS peak %.1f -> %.1f MB "
                "(%+.1f %%, limit 5 %%); GL objects %d -> %d; open files %d -> %d; font atlas %d -> %d px\n",
                clock_text(after->hours).c_str(), clock_text(samples.back().hours).c_str(), first.rss_mb, last.rss_mb,
                rss_growth, first.gl_objects, last.gl_objects, first.files, last.files, first.font_atlas, last.font_atlas);
    const bool ok = !leaks && rss_growth <= 5 && last.gl_objects <= first.gl_objects && last.files <= first.files &&
                    last.font_atlas <= first.font_atlas && losses > 0 && visitors > 0;
    std::printf("soak: %s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}

}  // namespace atlas::platform
