// Native (kiosk) platform: GL 3.3 core, a plain main loop, the command line, stdout/stderr.
#include <malloc.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cctype>
#include <csignal>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <utility>

#include "core/json_io.h"
#include "platform/gl.h"
#include "platform/platform.h"

namespace atlas::platform {

void set_gl_attributes(bool robust) {
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    // Robust access with "lose context on reset": a driver reset becomes a lost context the app
    // sees (gl_context_lost) and recovers from, instead of undefined behaviour.
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG |
                                                  (robust ? SDL_GL_CONTEXT_ROBUST_ACCESS_FLAG : 0));
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_RESET_NOTIFICATION,
                        robust ? SDL_GL_CONTEXT_RESET_LOSE_CONTEXT : SDL_GL_CONTEXT_RESET_NO_NOTIFICATION);
}
const char* glsl_version_header() { return "#version 330 core\n"; }
const char* imgui_glsl_version() { return "#version 330 core"; }

namespace {
const char* kHelp = R"(atlas — Atlas Sur, the map of cultural cooperation of Mexico and the Global South

Usage: atlas [options]
  --fullscreen           fill the screen
  --kiosk                a public touch screen: full screen, no way out but the exit chord
                         (Ctrl+Alt+Q) or SIGTERM, an idle countdown, reset and attract loop
  --display N            open on screen N (0: the first; as SDL numbers them)
  --touch                a touch-first screen (a tablet): touch-sized controls, and the phone
                         layout below 820 pixels
  --config FILE          settings (JSON), e.g. {"format":"atlas-sur/config","version":1,
                         "kiosk":{"idleSeconds":90,"tours":[...],"languages":["es","en"]}}
  --size WxH             window size in pixels (default 1280x800)
  --assets DIR           assets folder (default: the assets folder next to the program)
  --data DIR             data files (default: ASSETS/data); files dropped on the window load over them
  --load FILE            load a data file over the data folder, as if dropped on the window (repeatable)
  --check-data FILE...   check data files (with the data folder for the kinds not given), print one
                         line per problem, exit 0 when they are valid
  --exec JSON            apply an action after start-up; repeatable, e.g.
                         --exec '{"type":"filter","fields":["Design"]}'
  --lang CODE            start in this language (en, es, fr); default: English
  --view HASH            apply a view given as the part of a link after '#', e.g.
                         --view 's=mx-guadalajara&t=2017&lang=es'
  --tour ID              start a tour (assets/tours/) at its first step
  --record DIR           render the timeline from its first year to its last, frame by frame, as
                         DIR/frame-00001.png ... (with --frames N, default 120), then exit; with
                         --tour ID, the tour instead, each step held 3 s, at 30 frames a second
  --state                print the state as JSON after start-up (and the actions) and exit
  --screenshot FILE.png  render one frame, write it as PNG and exit
  --log-actions          print every action applied, one JSON object per line
  --frames N             quit after N frames
Testing a kiosk:
  --soak DAYS            live DAYS of a kiosk (visitors, idle time, attract loops, language changes,
                         data reloads, lost GL contexts) at a fast clock; print memory, GL objects and
                         open files as it goes; fail when they grow after the first day
  --lose-context N       lose the GL context every N frames (the app must rebuild everything)
  --help                 this text
Keys: arrows pan, + and - zoom, Home or 0 shows the start view, Esc clears the selection,
      Space plays or pauses the timeline, [ and ] step a year back or forward, P presenter mode.
      In a tour: PageDown, Right or Space next; PageUp or Left previous; Home first; Esc leaves;
      B blanks the screen.
)";

std::string executable_dir() {
    char* base = SDL_GetBasePath();
    std::string dir = base ? base : "./";
    SDL_free(base);
    return dir;
}
}  // namespace

bool parse_command_line(int argc, char** argv, Options& o, int& exit_code) {
    exit_code = 0;
    auto need_value = [&](int& i) -> const char* {
        if (i + 1 >= argc) {
            std::fprintf(stderr, "atlas: %s needs a value (see --help)\n", argv[i]);
            exit_code = 2;
            return nullptr;
        }
        return argv[++i];
    };
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const char* v = nullptr;
        if (a == "--help" || a == "-h") {
            std::fputs(kHelp, stdout);
            return false;
        } else if (a == "--fullscreen") {
            o.fullscreen = true;
        } else if (a == "--kiosk") {
            o.kiosk = o.fullscreen = true;
        } else if (a == "--touch") {
            o.touch_first = true;
        } else if (a == "--display") {
            if (!(v = need_value(i))) return false;
            o.display = std::atoi(v);
            if (o.display < 0 || o.display > 15 || !std::isdigit((unsigned char)v[0])) {
                std::fprintf(stderr, "atlas: --display expects a screen number within 0..15, got %s\n", v);
                exit_code = 2;
                return false;
            }
        } else if (a == "--config") {
            if (!(v = need_value(i))) return false;
            o.config_file = v;
        } else if (a == "--state") {
            o.print_state = true;
        } else if (a == "--log-actions") {
            o.log_actions = true;
        } else if (a == "--size") {
            if (!(v = need_value(i))) return false;
            if (std::sscanf(v, "%dx%d", &o.width, &o.height) != 2 || o.width < 320 || o.height < 240 ||
                o.width > 16384 || o.height > 16384) {
                std::fprintf(stderr, "atlas: --size expects WxH between 320x240 and 16384x16384, got %s\n", v);
                exit_code = 2;
                return false;
            }
        } else if (a == "--assets") {
            if (!(v = need_value(i))) return false;
            o.assets_dir = v;
        } else if (a == "--data") {
            if (!(v = need_value(i))) return false;
            o.data_dir = v;
        } else if (a == "--check-data") {
            while (i + 1 < argc) o.check_files.push_back(argv[++i]);
            if (o.check_files.empty()) {
                std::fprintf(stderr, "atlas: --check-data needs at least one file\n");
                exit_code = 2;
                return false;
            }
        } else if (a == "--load") {
            if (!(v = need_value(i))) return false;
            o.load_files.push_back(v);
        } else if (a == "--exec") {
            if (!(v = need_value(i))) return false;
            o.actions.push_back(v);
        } else if (a == "--lang") {
            if (!(v = need_value(i))) return false;
            o.languages.insert(o.languages.begin(), v);
        } else if (a == "--view") {
            if (!(v = need_value(i))) return false;
            o.actions.push_back(to_text({{"type", "viewFromUrl"}, {"hash", v}}));
        } else if (a == "--tour") {
            if (!(v = need_value(i))) return false;
            o.actions.push_back(to_text({{"type", "tour"}, {"id", v}}));
            o.record_tour = v;
        } else if (a == "--screenshot") {
            if (!(v = need_value(i))) return false;
            o.screenshot = v;
        } else if (a == "--frames") {
            if (!(v = need_value(i))) return false;
            o.max_frames = o.record_frames = std::atoi(v);
        } else if (a == "--soak") {
            if (!(v = need_value(i))) return false;
            o.soak_days = std::atof(v);
            if (!(o.soak_days > 0 && o.soak_days <= 28)) {
                std::fprintf(stderr, "atlas: --soak expects a number of days within (0, 28], got %s\n", v);
                exit_code = 2;
                return false;
            }
            o.kiosk = true;
        } else if (a == "--lose-context") {
            if (!(v = need_value(i))) return false;
            o.lose_context_every = std::atoi(v);
            if (o.lose_context_every < 2) {
                std::fprintf(stderr, "atlas: --lose-context expects a number of frames of at least 2, got %s\n", v);
                exit_code = 2;
                return false;
            }
        } else if (a == "--record") {
            if (!(v = need_value(i))) return false;
            o.record_dir = v;
        } else {
            std::fprintf(stderr, "atlas: unknown option %s (see --help)\n", argv[i]);
            exit_code = 2;
            return false;
        }
    }
    if (o.assets_dir.empty()) o.assets_dir = executable_dir() + "assets";
    if (o.data_dir.empty()) o.data_dir = o.assets_dir + "/data";
    if (!o.record_dir.empty() && (o.record_frames < 0 || o.record_frames > 100000)) {
        std::fprintf(stderr, "atlas: --frames must be within 1..100000 for --record\n");
        exit_code = 2;
        return false;
    }
    if (!o.record_dir.empty() && o.record_frames == 0) o.record_frames = 120;
    if (std::error_code ec; !o.record_dir.empty() && !std::filesystem::create_directories(o.record_dir, ec) && ec) {
        std::fprintf(stderr, "atlas: --record: cannot make the folder %s: %s\n", o.record_dir.c_str(), ec.message().c_str());
        exit_code = 2;
        return false;
    }
    o.hidden = (o.print_state || !o.screenshot.empty() || !o.record_dir.empty());
    return true;
}

int run_soak(const Options& o, AppHooks& app);  // soak.cpp
namespace {
int g_lose_context_every = 0;  // --lose-context N
bool g_lose_context_now = false;  // the soak test's loss
}  // namespace
void request_context_loss() { g_lose_context_now = true; }

int run(const Options& o, AppHooks app) {
    g_lose_context_every = o.lose_context_every;
    int failures = 0;
    for (const auto& text : o.actions) {
        const JsonDocument action = parse_json(text);
        auto result = action.ok() ? app.act(action.value)
                                  : nlohmann::json{{"error", "--exec: " + action.error + ": " + text}};
        if (result.contains("error")) {
            std::fprintf(stderr, "atlas: %s\n", result["error"].get<std::string>().c_str());
            ++failures;
        } else if (action.ok() && action.value.value("type", "") == "viewFromUrl") {
            for (const auto& n : result["viewNotices"]) std::fprintf(stderr, "atlas: %s\n", n.get<std::string>().c_str());
        }
    }
    if (o.soak_days > 0) return run_soak(o, app) || failures;
    if (!o.record_dir.empty()) return app.record(o.record_dir, o.record_frames, o.record_tour) && !failures ? 0 : 1;
    if (o.print_state || !o.screenshot.empty()) {
        app.settle();
        if (!o.screenshot.empty() && !app.save_screenshot(o.screenshot)) {  // renders a complete frame
            std::fprintf(stderr, "atlas: cannot write the screenshot %s\n", o.screenshot.c_str());
            return 1;
        }
        if (o.screenshot.empty()) app.frame();
        if (o.print_state) std::cout << to_text(app.state(), 2) << std::endl;
        return failures ? 1 : 0;
    }
    for (int n = 0; app.frame(); ++n) {
        if (o.max_frames && n + 1 >= o.max_frames) break;
        // A kiosk runs for days: when nothing moves, sleep until input instead of spinning.
        if (app.idle()) SDL_WaitEventTimeout(nullptr, 250);
        else if (app.resting()) SDL_WaitEventTimeout(nullptr, 10);  // no frame to draw before the camera rests
        heartbeat();
    }
    return 0;
}

namespace {
volatile std::sig_atomic_t g_terminate = 0;
void on_terminate(int) { g_terminate = 1; }

// sd_notify without libsystemd: one datagram to $NOTIFY_SOCKET ('@' is the abstract namespace).
void notify_systemd(const char* message) {
    const char* path = std::getenv("NOTIFY_SOCKET");
    if (!path || !*path || std::strlen(path) >= sizeof(sockaddr_un::sun_path)) return;
    const int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return;
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, path, sizeof(addr.sun_path) - 1);
    if (addr.sun_path[0] == '@') addr.sun_path[0] = '\0';
    const socklen_t size = socklen_t(offsetof(sockaddr_un, sun_path) + std::strlen(path));
    sendto(fd, message, std::strlen(message), MSG_NOSIGNAL, reinterpret_cast<sockaddr*>(&addr), size);
    close(fd);
}
}  // namespace

void watch_for_terminate() {
    std::signal(SIGTERM, on_terminate);
    std::signal(SIGINT, on_terminate);
}
bool terminate_requested() { return g_terminate != 0; }

void heartbeat() {
    static Uint64 last = 0;
    const Uint64 now = SDL_GetTicks64();
    if (last && now - last < 1000) return;  // once a second is plenty for WatchdogSec=30
    last = now;
    notify_systemd("WATCHDOG=1");
}

bool gl_context_lost() {
    static int frames = 0;
    if (std::exchange(g_lose_context_now, false)) return true;  // a test's loss
    if (g_lose_context_every > 0 && ++frames % g_lose_context_every == 0) return true;
    // A robust context reports a reset (GL 4.5, or GL_ARB_robustness on older drivers).
    using ResetStatus = GLenum(APIENTRY*)();
    static const auto status = [] {
        auto f = reinterpret_cast<ResetStatus>(SDL_GL_GetProcAddress("glGetGraphicsResetStatus"));
        return f ? f : reinterpret_cast<ResetStatus>(SDL_GL_GetProcAddress("glGetGraphicsResetStatusARB"));
    }();
    return status && status() != GL_NO_ERROR;
}

bool create_gl_context(Window& w, std::string& error);  // sdl_window.cpp
bool restore_gl_context(Window& w, std::string& error) {
    if (w.gl) SDL_GL_DeleteContext(w.gl);
    w.gl = nullptr;
    return create_gl_context(w, error);
}

void trim_memory() { malloc_trim(0); }
void take_early_data(std::vector<DataFile>&, std::vector<Problem>&) {}
void keep_user_files(const std::vector<DataFile>&) {}
const bool kFineBasemapLater = false;
const CoverageTexels kCoverageTexels = CoverageTexels::RedSwizzled;

void toggle_fullscreen(Window& w) {
    const bool full = SDL_GetWindowFlags(w.sdl) & SDL_WINDOW_FULLSCREEN_DESKTOP;
    SDL_SetWindowFullscreen(w.sdl, full ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
}

void log_line(const std::string& text) {
    const std::time_t now = std::time(nullptr);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    std::fprintf(stderr, "%s atlas: %s\n", when, text.c_str());
}

void notify_ready() { notify_systemd("READY=1"); }
StackUse stack_use() { return {}; }
void report_fatal(const std::string& message) { std::fprintf(stderr, "atlas: %s\n", message.c_str()); }

// A kiosk must not open a browser over the map: the link goes to the clipboard instead.
void open_url(const std::string& url) { SDL_SetClipboardText(url.c_str()); }

void sync_window_size(Window&) {}

// A window has no compositor to move pictures with: every frame is drawn.
bool has_map_pictures() { return false; }
int keep_map_picture(bool) { return -1; }
void warm_map_pictures() {}
void keep_panel_pictures(const std::vector<Rect>&, float) {}
bool move_map_picture(const PicturePlace (&)[2], const float (&)[3]) { return false; }
void drop_map_pictures() {}

void publish_view(const std::string&, bool) {}  // a window has no address
void mirror_changed() {}                         // nor a page around it
std::string full_map_url(const std::string&) { return {}; }

bool deliver_image(const std::string& name, int width, int height, const std::vector<unsigned char>& rgba) {
    if (write_png(name, width, height, rgba)) return true;
    std::fprintf(stderr, "atlas: cannot write %s\n", name.c_str());
    return false;
}

void save_file(const std::string& name, const std::string&, const std::string& bytes) {
    std::FILE* f = std::fopen(name.c_str(), "wb");
    if (!f || std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size()) std::fprintf(stderr, "atlas: cannot write %s\n", name.c_str());
    else std::printf("atlas: wrote %s (%zu bytes)\n", name.c_str(), bytes.size());
    if (f) std::fclose(f);
}

bool start_export(const std::string&) { return false; }
bool can_export_video() { return false; }  // natively: --record DIR, a PNG sequence
bool has_presenter_console() { return false; }  // a second window is the browser's (web/console.html)
void open_presenter_console() {}
void publish_presenter_status(const std::string&) {}

std::string copy_view_link(const std::string& hash) {
    const std::string text = "--view '" + hash + "'";
    SDL_SetClipboardText(text.c_str());
    return text;
}

}  // namespace atlas::platform
