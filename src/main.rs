//! Entry point: install the panic hook, mount the app. Nothing else.

fn main() {
    dossier_web::error_panel::install_panic_hook();
    leptos::mount::mount_to_body(dossier_web::App);
}
