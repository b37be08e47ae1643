<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AccountHeader</name>
    <message>
        <source>Office account</source>
        <translation>Akun Kantor</translation>
    </message>
    <message>
        <source>Personal account</source>
        <translation>Akun Pribadi</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Belum masuk</translation>
    </message>
</context>
<context>
    <name>AccountPane</name>
    <message>
        <source>Recent posts</source>
        <translation>Kiriman terbaru</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Sedang masuk…</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Belum masuk.</translation>
    </message>
    <message>
        <source>Loading posts…</source>
        <translation>Memuat kiriman…</translation>
    </message>
    <message>
        <source>No posts yet.</source>
        <translation>Belum ada kiriman.</translation>
    </message>
</context>
<context>
    <name>DeskController</name>
    <message>
        <source>@%1 is already signed in to the other pane. One X account can sit in one pane only.</source>
        <translation>@%1 sudah masuk di panel lain. Satu akun X hanya dapat berada di satu panel.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The session with X has ended. Please sign in again.</source>
        <translation>Sesi dengan X telah berakhir. Silakan masuk lagi.</translation>
    </message>
    <message>
        <source>X refused the post: this account already posted the same text.</source>
        <translation>X menolak kiriman: akun ini sudah mengirim teks yang sama.</translation>
    </message>
    <message>
        <source>X refused the reply: replies are only allowed to posts that mention this account.</source>
        <translation>X menolak balasan: balasan hanya diizinkan untuk kiriman yang menyebut akun ini.</translation>
    </message>
    <message>
        <source>X refused the action: %1</source>
        <translation>X menolak tindakan ini: %1</translation>
    </message>
    <message>
        <source>X&apos;s request limit was reached. Sending resumes at %1.</source>
        <translation>Batas permintaan X tercapai. Pengiriman dilanjutkan pukul %1.</translation>
    </message>
    <message>
        <source>X&apos;s request limit was reached. Please wait a moment.</source>
        <translation>Batas permintaan X tercapai. Mohon tunggu sebentar.</translation>
    </message>
    <message>
        <source>The X app&apos;s usage cap is reached. Ask the agency&apos;s X app administrator.</source>
        <translation>Batas pemakaian aplikasi X tercapai. Hubungi pengelola aplikasi X instansi.</translation>
    </message>
    <message>
        <source>The post no longer exists on X.</source>
        <translation>Kiriman ini sudah tidak ada di X.</translation>
    </message>
    <message>
        <source>X is having problems right now. Please try again in a few minutes.</source>
        <translation>X sedang bermasalah. Silakan coba lagi beberapa menit lagi.</translation>
    </message>
    <message>
        <source>X cannot be reached. Check the internet connection.</source>
        <translation>X tidak dapat dihubungi. Periksa koneksi internet.</translation>
    </message>
    <message>
        <source>X refused the request: %1</source>
        <translation>X menolak permintaan: %1</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Gagal masuk: %1</translation>
    </message>
    <message>
        <source>Something went wrong (%1). Details are in the log file.</source>
        <translation>Terjadi kesalahan (%1). Rinciannya ada di berkas log.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Practice Mode: posts go to the built-in X emulator on this laptop, not to the real X.</source>
        <translation>Mode Latihan: kiriman masuk ke emulator X bawaan di laptop ini, bukan ke X sungguhan.</translation>
    </message>
    <message>
        <source>Practice Mode</source>
        <translation>Mode Latihan</translation>
    </message>
</context>
</TS>
