// Atlas Sur: an interactive map of cultural cooperation between Mexico and the Global South.
#include "app/app.h"
#include "app/check_data.h"

int main(int argc, char** argv) {
    atlas::platform::Options options;
    int exit_code = 0;
    if (!atlas::platform::parse_command_line(argc, argv, options, exit_code)) return exit_code;
    if (!options.check_files.empty()) return atlas::check_data_command(options);
    atlas::App app;
    std::string error;
    if (!app.init(options, error)) {
        atlas::platform::report_fatal(error);
        app.shutdown();
        return 1;
    }
    exit_code = atlas::platform::run(options, app.hooks());
    app.shutdown();
    return exit_code;
}
