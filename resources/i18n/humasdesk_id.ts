<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AccountHeader</name>
    <message>
        <source>Sign out</source>
        <translation>Keluar</translation>
    </message>
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
    <message>
        <source>Sign out @%1</source>
        <translation>Keluarkan @%1</translation>
    </message>
</context>
<context>
    <name>AccountPane</name>
    <message>
        <source>Sign in to the office account</source>
        <translation>Masuk ke akun kantor</translation>
    </message>
    <message>
        <source>Sign in to the personal account</source>
        <translation>Masuk ke akun pribadi</translation>
    </message>
    <message>
        <source>Waiting for approval in the browser… Approve HumasDesk on the X page that opened, then come back here.</source>
        <translation>Menunggu persetujuan di peramban… Setujui HumasDesk di halaman X yang terbuka, lalu kembali ke sini.</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Sedang masuk</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
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
        <source>Sign out</source>
        <extracomment>Brings X up (starts the practice sandbox if needed) and returns the account service.</extracomment>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Sign @%1 out of HumasDesk? Its access is revoked at X and its saved sign-in is deleted from this laptop.</source>
        <translation>Keluarkan @%1 dari HumasDesk? Aksesnya dicabut di X dan data masuknya dihapus dari laptop ini.</translation>
    </message>
    <message>
        <source>Signed out on this laptop, but X could not be reached to revoke the access: %1</source>
        <translation>Sudah keluar di laptop ini, tetapi X tidak dapat dihubungi untuk mencabut aksesnya: %1</translation>
    </message>
    <message>
        <source>The activity log has been changed outside HumasDesk: entry #%1 does not match its record (%2). Keep this laptop as it is and tell your records officer.</source>
        <translation>Log aktivitas telah diubah di luar HumasDesk: entri #%1 tidak cocok dengan catatannya (%2). Biarkan laptop ini apa adanya dan beri tahu petugas arsip Anda.</translation>
    </message>
    <message>
        <source>The activity log could not be checked: %1</source>
        <translation>Log aktivitas tidak dapat diperiksa: %1</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Session ended — sign in again.</source>
        <translation>Sesi berakhir — masuk lagi.</translation>
    </message>
    <message>
        <source>@%1 is already signed in to the other pane. One X account can sit in one pane only.</source>
        <translation>@%1 sudah masuk di panel lain. Satu akun X hanya dapat berada di satu panel.</translation>
    </message>
    <message>
        <source>The office pane is set to @%1, but X signed in @%2. Sign in with @%1, or change the office account in Settings.</source>
        <translation>Panel kantor ditetapkan untuk @%1, tetapi X memasukkan @%2. Masuklah dengan @%1, atau ubah akun kantor di Pengaturan.</translation>
    </message>
    <message>
        <source>The saved sign-in for this pane was damaged and has been removed. Please sign in again.</source>
        <translation>Data masuk yang tersimpan untuk panel ini rusak dan telah dihapus. Silakan masuk lagi.</translation>
    </message>
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
        <source>X's request limit was reached. Sending resumes at %1.</source>
        <translation>Batas permintaan X tercapai. Pengiriman dilanjutkan pukul %1.</translation>
    </message>
    <message>
        <source>X's request limit was reached. Please wait a moment.</source>
        <translation>Batas permintaan X tercapai. Mohon tunggu sebentar.</translation>
    </message>
    <message>
        <source>The X app's usage cap is reached. Ask the agency's X app administrator.</source>
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
        <source>Access was refused on the X page. Nothing was signed in.</source>
        <translation>Akses ditolak di halaman X. Tidak ada akun yang masuk.</translation>
    </message>
    <message>
        <source>The answer from the browser does not belong to this sign-in and was ignored. Please try again.</source>
        <translation>Jawaban dari peramban bukan milik proses masuk ini dan diabaikan. Silakan coba lagi.</translation>
    </message>
    <message>
        <source>No answer from the browser in time. Please try signing in again.</source>
        <translation>Tidak ada jawaban dari peramban dalam batas waktu. Silakan coba masuk lagi.</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Proses masuk dibatalkan.</translation>
    </message>
    <message>
        <source>Port %1 on this laptop is used by another program, so X's answer cannot be received. Close that program, or change the callback port in Settings (and in the agency's X app).</source>
        <translation>Port %1 di laptop ini dipakai program lain, sehingga jawaban X tidak dapat diterima. Tutup program itu, atau ubah port callback di Pengaturan (dan di aplikasi X instansi).</translation>
    </message>
    <message>
        <source>X refused the sign-in. Please sign in again.</source>
        <translation>X menolak proses masuk. Silakan masuk lagi.</translation>
    </message>
    <message>
        <source>Sign-in failed. Please try again.</source>
        <translation>Gagal masuk. Silakan coba lagi.</translation>
    </message>
    <message>
        <source>The system keyring is locked. Unlock it (for example by logging in to the desktop again), then restart HumasDesk.</source>
        <translation>Keyring sistem terkunci. Buka kuncinya (misalnya dengan masuk ulang ke desktop), lalu jalankan ulang HumasDesk.</translation>
    </message>
    <message>
        <source>The system keyring refused access. Allow HumasDesk in the keyring.</source>
        <translation>Keyring sistem menolak akses. Izinkan HumasDesk di keyring.</translation>
    </message>
    <message>
        <source>No secure storage was found. Install a Secret Service provider such as GNOME Keyring or KWallet.</source>
        <translation>Penyimpanan aman tidak ditemukan. Pasang penyedia Secret Service seperti GNOME Keyring atau KWallet.</translation>
    </message>
    <message>
        <source>Not saved: you will need to sign in again after closing the app.</source>
        <translation>Tidak tersimpan: Anda perlu masuk lagi setelah aplikasi ditutup.</translation>
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