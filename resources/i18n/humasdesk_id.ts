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
        <source>Office account: mentions, posts and outbox</source>
        <translation>Akun kantor: mention, kiriman, dan kotak keluar</translation>
    </message>
    <message>
        <source>Personal account: mentions, posts and outbox</source>
        <translation>Akun pribadi: mention, kiriman, dan kotak keluar</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Kiriman</translation>
    </message>
    <message>
        <source>Mentions (%1)</source>
        <translation>Mention (%1)</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Mention</translation>
    </message>
    <message>
        <source>Outbox (%1)</source>
        <translation>Kotak keluar (%1)</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Kotak keluar</translation>
    </message>
    <message>
        <source>Offline — %1 post(s) waiting</source>
        <translation>Offline — %1 kiriman menunggu</translation>
    </message>
    <message>
        <source>Posting: %1/%2 left</source>
        <translation>Kirim: sisa %1/%2</translation>
    </message>
    <message>
        <source>Reading: %1/%2 left</source>
        <translation>Baca: sisa %1/%2</translation>
    </message>
    <message>
        <source>Cost this month ≈ US$%1</source>
        <translation>Biaya bulan ini ≈ US$%1</translation>
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
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Write something to send.</source>
        <translation>Tulis sesuatu untuk dikirim.</translation>
    </message>
    <message>
        <source>The post is longer than X allows.</source>
        <translation>Kiriman lebih panjang daripada yang diizinkan X.</translation>
    </message>
    <message>
        <source>The text holds characters that X refuses.</source>
        <translation>Teks berisi karakter yang ditolak X.</translation>
    </message>
    <message>
        <source>X allows at most 4 images per post.</source>
        <translation>X mengizinkan paling banyak 4 gambar per kiriman.</translation>
    </message>
    <message>
        <source>Each image needs a description (alt text) for readers who cannot see it.</source>
        <translation>Setiap gambar memerlukan deskripsi (teks alternatif) untuk pembaca yang tidak dapat melihatnya.</translation>
    </message>
    <message>
        <source>Only PNG, JPEG, GIF and WebP images can be posted.</source>
        <translation>Hanya gambar PNG, JPEG, GIF, dan WebP yang dapat dikirim.</translation>
    </message>
    <message>
        <source>An image is too large for X (5 MB; GIF 15 MB).</source>
        <translation>Gambar terlalu besar untuk X (5 MB; GIF 15 MB).</translation>
    </message>
    <message>
        <source>An image description is longer than 1,000 characters.</source>
        <translation>Deskripsi gambar lebih dari 1.000 karakter.</translation>
    </message>
    <message>
        <source>Cancel the reply</source>
        <translation>Batalkan balasan</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Gambar</translation>
    </message>
    <message>
        <source>Add image…</source>
        <translation>Tambah gambar…</translation>
    </message>
    <message>
        <source>Remove image</source>
        <translation>Hapus gambar</translation>
    </message>
    <message>
        <source>Add to thread</source>
        <translation>Tambah ke utas</translation>
    </message>
    <message>
        <source>Official capacity (kapasitas jabatan)</source>
        <translation>Kapasitas jabatan</translation>
    </message>
    <message>
        <source>Said as an official: included in the supervisor's report.</source>
        <translation>Disampaikan sebagai pejabat: disertakan dalam laporan untuk atasan.</translation>
    </message>
    <message>
        <source>Send as @%1</source>
        <translation>Kirim sebagai @%1</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Kirim</translation>
    </message>
    <message>
        <source>Replying to: %1</source>
        <translation>Membalas: %1</translation>
    </message>
    <message>
        <source>image</source>
        <translation>gambar</translation>
    </message>
    <message>
        <source>(no description yet)</source>
        <translation>(belum ada deskripsi)</translation>
    </message>
    <message>
        <source>Add image</source>
        <translation>Tambah gambar</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Gambar (%1)</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>Berkas tidak dapat dibaca.</translation>
    </message>
    <message>
        <source>X allows at most 4 images per post; %1 image(s) not added.</source>
        <translation>X mengizinkan paling banyak 4 gambar per kiriman; %1 gambar tidak ditambahkan.</translation>
    </message>
    <message>
        <source>Image description</source>
        <translation>Deskripsi gambar</translation>
    </message>
    <message>
        <source>Describe the image for readers who cannot see it (alt text):</source>
        <translation>Jelaskan gambar ini untuk pembaca yang tidak dapat melihatnya (teks alternatif):</translation>
    </message>
</context>
<context>
    <name>ConfirmPostDialog</name>
    <message>
        <source>Office account</source>
        <translation>Akun Kantor</translation>
    </message>
    <message>
        <source>Personal account</source>
        <translation>Akun Pribadi</translation>
    </message>
    <message>
        <source>Send as @%1?</source>
        <translation>Kirim sebagai @%1?</translation>
    </message>
    <message>
        <source>This will be published from @%1 for everyone to see:</source>
        <translation>Ini akan diterbitkan dari @%1 dan dapat dilihat semua orang:</translation>
    </message>
    <message>
        <source>Text to be sent</source>
        <translation>Teks yang akan dikirim</translation>
    </message>
    <message>
        <source>(with %1 image(s))</source>
        <translation>(dengan %1 gambar)</translation>
    </message>
    <message>
        <source>Send as @%1</source>
        <translation>Kirim sebagai @%1</translation>
    </message>
    <message>
        <source>Back to editing</source>
        <translation>Kembali menyunting</translation>
    </message>
</context>
<context>
    <name>DeskController</name>
    <message>
        <source>Posts still waiting</source>
        <translation>Kiriman masih menunggu</translation>
    </message>
    <message>
        <source>%1 post(s) are still waiting to be sent. Wait until they are sent, or close now and send them the next time HumasDesk starts? Nothing is lost either way.</source>
        <translation>%1 kiriman masih menunggu untuk dikirim. Tunggu sampai terkirim, atau tutup sekarang dan kirim saat HumasDesk dijalankan lagi? Tidak ada yang hilang.</translation>
    </message>
    <message>
        <source>Wait, then close</source>
        <translation>Tunggu, lalu tutup</translation>
    </message>
    <message>
        <source>Close, send next time</source>
        <translation>Tutup, kirim nanti</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>Lanjut bekerja</translation>
    </message>
    <message>
        <source>The database was damaged. It was moved aside, not deleted, to %1 (give it to your IT staff), and a new one was started.</source>
        <extracomment>Brings X up (starts the practice sandbox if needed) and returns the desk's services.</extracomment>
        <translation>Basis data rusak. Basis data itu dipindahkan, tidak dihapus, ke %1 (serahkan kepada staf TI Anda), dan basis data baru dimulai.</translation>
    </message>
    <message>
        <source>Sign out</source>
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
    <message>
        <source>HumasDesk — activity log</source>
        <translation>HumasDesk — log aktivitas</translation>
    </message>
    <message>
        <source>not made yet (made at the first export)</source>
        <translation>belum dibuat (dibuat saat ekspor pertama)</translation>
    </message>
    <message>
        <source>%1 new mention(s) for @%2</source>
        <translation>%1 mention baru untuk @%2</translation>
    </message>
    <message>
        <source>HumasDesk closes when the waiting posts have been sent.</source>
        <translation>HumasDesk akan ditutup setelah kiriman yang menunggu terkirim.</translation>
    </message>
    <message>
        <source>the system keyring (%1)</source>
        <translation>keyring sistem (%1)</translation>
    </message>
    <message>
        <source>Settings saved. Changes take effect after HumasDesk is started again.</source>
        <translation>Pengaturan disimpan. Perubahan berlaku setelah HumasDesk dijalankan ulang.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Pengaturan disimpan.</translation>
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
        <source>The disk is full. Free some space, then start HumasDesk again.</source>
        <translation>Disk penuh. Kosongkan sebagian ruang, lalu jalankan HumasDesk lagi.</translation>
    </message>
    <message>
        <source>The data folder %1 cannot be written. Ask IT staff to give your account write access, or start HumasDesk with another --data-dir.</source>
        <translation>Folder data %1 tidak dapat ditulisi. Minta staf TI memberi akun Anda hak tulis, atau jalankan HumasDesk dengan --data-dir lain.</translation>
    </message>
    <message>
        <source>The database %1 cannot be opened. Details are in the log file.</source>
        <translation>Basis data %1 tidak dapat dibuka. Rinciannya ada di berkas log.</translation>
    </message>
    <message>
        <source>The database was written by a newer HumasDesk. Install the newer version; the database was not changed.</source>
        <translation>Basis data ditulis oleh HumasDesk versi lebih baru. Pasang versi yang lebih baru; basis data tidak diubah.</translation>
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
    <name>ExportDialog</name>
    <message>
        <source>Export the activity log</source>
        <translation>Ekspor log aktivitas</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>Format ekspor</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>XLSX (Excel)</source>
        <translation>XLSX (Excel)</translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>PDF laporan</translation>
    </message>
    <message>
        <source>Period start</source>
        <translation>Awal periode</translation>
    </message>
    <message>
        <source>Period end</source>
        <translation>Akhir periode</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Office only</source>
        <translation>Kantor saja</translation>
    </message>
    <message>
        <source>Office + Personal</source>
        <translation>Kantor + Pribadi</translation>
    </message>
    <message>
        <source>Include the whole personal account</source>
        <translation>Sertakan seluruh akun pribadi</translation>
    </message>
    <message>
        <source>Unticked (the default), the supervisor's export holds the office account and only those personal posts marked as official capacity (kapasitas jabatan).</source>
        <translation>Tanpa centang (bawaan), ekspor untuk atasan hanya memuat akun kantor dan kiriman akun pribadi yang ditandai kapasitas jabatan.</translation>
    </message>
    <message>
        <source>Output file</source>
        <translation>Berkas tujuan</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Choose the output file</source>
        <translation>Pilih berkas tujuan</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Kemajuan ekspor</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Status ekspor</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <source>Start the export</source>
        <translation>Mulai ekspor</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Cancel the running export</source>
        <translation>Batalkan ekspor yang berjalan</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Buka folder</translation>
    </message>
    <message>
        <source>Open the folder of the export</source>
        <translation>Buka folder berkas ekspor</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>to</source>
        <translation>s.d.</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Periode</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Akun</translation>
    </message>
    <message>
        <source>&amp;Output file</source>
        <translation>&amp;Berkas tujuan</translation>
    </message>
    <message>
        <source>The start date is after the end date; correct the period.</source>
        <translation>Tanggal awal jatuh setelah tanggal akhir; perbaiki periodenya.</translation>
    </message>
    <message>
        <source>Choose the file to export to.</source>
        <translation>Pilih berkas tujuan ekspor.</translation>
    </message>
    <message>
        <source>%1 is a folder; give the export a file name.</source>
        <translation>%1 adalah folder; beri nama berkas untuk ekspor.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist; choose another folder.</source>
        <translation>Folder %1 tidak ada; pilih folder lain.</translation>
    </message>
    <message>
        <source>These export settings are not valid (%1).</source>
        <translation>Pengaturan ekspor ini tidak sah (%1).</translation>
    </message>
    <message>
        <source>%v of %m entries checked</source>
        <translation>%v dari %m entri diperiksa</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Mengekspor…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Membatalkan…</translation>
    </message>
    <message>
        <source>Save the export as</source>
        <translation>Simpan ekspor sebagai</translation>
    </message>
    <message>
        <source>Export files (*%1)</source>
        <translation>Berkas ekspor (*%1)</translation>
    </message>
    <message>
        <source>Export finished: %1
%2 entries; signature in %3.
Signing key fingerprint: %4</source>
        <translation>Ekspor selesai: %1
%2 entri; tanda tangan di %3.
Sidik jari kunci tanda tangan: %4</translation>
    </message>
    <message>
        <source>The export could not be recorded in the activity log.</source>
        <translation>Ekspor tidak dapat dicatat di log aktivitas.</translation>
    </message>
    <message>
        <source>Export cancelled; no file was left behind.</source>
        <translation>Ekspor dibatalkan; tidak ada berkas yang tertinggal.</translation>
    </message>
    <message>
        <source>The export failed (%1).</source>
        <translation>Ekspor gagal (%1).</translation>
    </message>
    <message>
        <source>The disk is full: there is not enough space for %1. Free some space or choose another location.</source>
        <translation>Disk penuh: tidak cukup ruang untuk %1. Kosongkan ruang atau pilih lokasi lain.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be written to. Choose another folder.</source>
        <translation>Folder %1 tidak dapat ditulisi. Pilih folder lain.</translation>
    </message>
    <message>
        <source>The signing key could not be read from the system keyring. Unlock the keyring (GNOME Keyring/KWallet) and try again.</source>
        <translation>Kunci tanda tangan tidak dapat dibaca dari keyring sistem. Buka kunci keyring (GNOME Keyring/KWallet) lalu ulangi.</translation>
    </message>
    <message>
        <source>The PDF report is not available in this version; choose another format.</source>
        <translation>Laporan PDF belum tersedia di versi ini; pilih format lain.</translation>
    </message>
    <message>
        <source>The PDF report could not be made (%1); try another format.</source>
        <translation>Laporan PDF gagal dibuat (%1); coba format lain.</translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <source>No mentions yet.</source>
        <translation>Belum ada mention.</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Mention</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Balas</translation>
    </message>
    <message>
        <source>Reply to the selected mention</source>
        <translation>Balas mention yang dipilih</translation>
    </message>
    <message>
        <source>Mark handled</source>
        <translation>Tandai ditangani</translation>
    </message>
    <message>
        <source>Mark the selected mention as handled</source>
        <translation>Tandai mention yang dipilih sebagai sudah ditangani</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Abaikan</translation>
    </message>
    <message>
        <source>Ignore the selected mention</source>
        <translation>Abaikan mention yang dipilih</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Aduan</translation>
    </message>
    <message>
        <source>Tag the selected mention as a complaint</source>
        <translation>Tandai mention yang dipilih sebagai aduan</translation>
    </message>
    <message>
        <source>An aduan is measured against the SP4N-LAPOR! service times in the report.</source>
        <translation>Aduan diukur terhadap waktu layanan SP4N-LAPOR! dalam laporan.</translation>
    </message>
    <message>
        <source>New</source>
        <comment>mention state</comment>
        <translation>Baru</translation>
    </message>
    <message>
        <source>Read</source>
        <comment>mention state</comment>
        <translation>Dibaca</translation>
    </message>
    <message>
        <source>Replied</source>
        <comment>mention state</comment>
        <translation>Dibalas</translation>
    </message>
    <message>
        <source>Ignored</source>
        <comment>mention state</comment>
        <translation>Diabaikan</translation>
    </message>
    <message>
        <source>Unknown author</source>
        <translation>Penulis tidak dikenal</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>Ditangani</translation>
    </message>
</context>
<context>
    <name>LogEntryDialog</name>
    <message>
        <source>Log entry %1</source>
        <translation>Entri log %1</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Waktu (UTC)</translation>
    </message>
    <message>
        <source>Account slot</source>
        <translation>Slot akun</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Handle</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aksi</translation>
    </message>
    <message>
        <source>X post ID</source>
        <translation>ID kiriman X</translation>
    </message>
    <message>
        <source>In reply to</source>
        <translation>Membalas</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Warga</translation>
    </message>
    <message>
        <source>Citizen's text</source>
        <translation>Teks warga</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <source>Previous hash</source>
        <translation>Hash sebelumnya</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>View on X</source>
        <translation>Lihat di X</translation>
    </message>
    <message>
        <source>Open this post on X in the browser</source>
        <translation>Buka kiriman ini di X pada peramban</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>LogTableModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aksi</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Warga</translation>
    </message>
    <message>
        <source>Post sent</source>
        <translation>Kiriman terkirim</translation>
    </message>
    <message>
        <source>Reply sent</source>
        <translation>Balasan terkirim</translation>
    </message>
    <message>
        <source>Post failed</source>
        <translation>Kiriman gagal</translation>
    </message>
    <message>
        <source>Post deleted</source>
        <translation>Kiriman dihapus</translation>
    </message>
    <message>
        <source>Mention received</source>
        <translation>Mention diterima</translation>
    </message>
    <message>
        <source>Mention handled</source>
        <translation>Mention ditangani</translation>
    </message>
    <message>
        <source>Mention ignored</source>
        <translation>Mention diabaikan</translation>
    </message>
    <message>
        <source>Mention tagged</source>
        <translation>Mention ditandai</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Gagal masuk</translation>
    </message>
    <message>
        <source>Session expired</source>
        <translation>Sesi berakhir</translation>
    </message>
    <message>
        <source>Export made</source>
        <translation>Ekspor dibuat</translation>
    </message>
    <message>
        <source>Log chain broken</source>
        <translation>Rantai log rusak</translation>
    </message>
    <message>
        <source>Personal data erased</source>
        <translation>Data pribadi dihapus</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>Pribadi</translation>
    </message>
    <message>
        <source>(text erased)</source>
        <translation>(teks telah dihapus)</translation>
    </message>
    <message>
        <source>(erased)</source>
        <translation>(telah dihapus)</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <source>From date</source>
        <translation>Tanggal awal</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Tanggal akhir</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aksi</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>Search the post and mention text</source>
        <translation>Cari di teks kiriman dan mention</translation>
    </message>
    <message>
        <source>Search text…</source>
        <translation>Cari teks…</translation>
    </message>
    <message>
        <source>Reset filters</source>
        <translation>Atur ulang filter</translation>
    </message>
    <message>
        <source>Show the whole log again</source>
        <translation>Tampilkan seluruh log lagi</translation>
    </message>
    <message>
        <source>Number of entries</source>
        <translation>Jumlah entri</translation>
    </message>
    <message>
        <source>Activity log entries</source>
        <translation>Entri log aktivitas</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Dari</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Sampai</translation>
    </message>
    <message>
        <source>A&amp;ccount</source>
        <translation>A&amp;kun</translation>
    </message>
    <message>
        <source>Actio&amp;n</source>
        <translation>Ak&amp;si</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Cari</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>any date</source>
        <translation>kapan saja</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 entri</translation>
    </message>
    <message>
        <source>The activity log could not be read (%1). Try again with Reset filters.</source>
        <translation>Log aktivitas tidak dapat dibaca (%1). Coba lagi dengan Atur ulang filter.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Practice Mode: posts go to the built-in X emulator on this laptop, not to the real X.</source>
        <translation>Mode Latihan: kiriman masuk ke emulator X bawaan di laptop ini, bukan ke X sungguhan.</translation>
    </message>
    <message>
        <source>&amp;HumasDesk</source>
        <translation>&amp;HumasDesk</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Pengaturan…</translation>
    </message>
    <message>
        <source>&amp;Quit HumasDesk</source>
        <translation>&amp;Keluar dari HumasDesk</translation>
    </message>
    <message>
        <source>Activity &amp;log…</source>
        <translation>&amp;Log aktivitas…</translation>
    </message>
    <message>
        <source>&amp;Export a report…</source>
        <translation>&amp;Ekspor laporan…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>&amp;One pane at a time</source>
        <translation>&amp;Satu panel sekaligus</translation>
    </message>
    <message>
        <source>Show the &amp;office account</source>
        <translation>Tampilkan akun &amp;kantor</translation>
    </message>
    <message>
        <source>Show the &amp;personal account</source>
        <translation>Tampilkan akun &amp;pribadi</translation>
    </message>
    <message>
        <source>&amp;Switch pane</source>
        <translation>&amp;Ganti panel</translation>
    </message>
    <message>
        <source>Practice Mode</source>
        <translation>Mode Latihan</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <source>No connection to X.</source>
        <extracomment>States the official can still stop (the store cancels from these). Not out yet and not given up: what the Outbox tab counts.</extracomment>
        <translation>Tidak ada koneksi ke X.</translation>
    </message>
    <message>
        <source>X had a server problem.</source>
        <translation>Server X sedang bermasalah.</translation>
    </message>
    <message>
        <source>HumasDesk stopped while sending; X is checked before sending again.</source>
        <translation>HumasDesk berhenti saat mengirim; X diperiksa dulu sebelum mengirim ulang.</translation>
    </message>
    <message>
        <source>X's request limit was reached.</source>
        <translation>Batas permintaan X tercapai.</translation>
    </message>
    <message>
        <source>The X app's usage cap is reached.</source>
        <translation>Batas pemakaian aplikasi X tercapai.</translation>
    </message>
    <message>
        <source>Sign in again to send.</source>
        <translation>Masuk kembali untuk mengirim.</translation>
    </message>
    <message>
        <source>X refused it: this account already posted the same text.</source>
        <translation>X menolaknya: akun ini sudah mengirim teks yang sama.</translation>
    </message>
    <message>
        <source>X refused the reply: replies are only allowed to posts that mention this account.</source>
        <translation>X menolak balasan: balasan hanya diizinkan untuk kiriman yang menyebut akun ini.</translation>
    </message>
    <message>
        <source>X refused the post as invalid.</source>
        <translation>X menolak kiriman karena tidak valid.</translation>
    </message>
    <message>
        <source>X refused the post.</source>
        <translation>X menolak kiriman.</translation>
    </message>
    <message>
        <source>The post being answered or quoted no longer exists.</source>
        <translation>Kiriman yang dibalas atau dikutip sudah tidak ada.</translation>
    </message>
    <message>
        <source>Another X account is signed in to this pane; this post was not sent.</source>
        <translation>Akun X lain sedang masuk di panel ini; kiriman ini tidak dikirim.</translation>
    </message>
    <message>
        <source>The previous post of this thread was not sent.</source>
        <translation>Kiriman sebelumnya dalam utas ini belum terkirim.</translation>
    </message>
    <message>
        <source>Sending failed.</source>
        <translation>Gagal mengirim.</translation>
    </message>
    <message>
        <source>Retrying at %1.</source>
        <translation>Dicoba lagi pukul %1.</translation>
    </message>
    <message>
        <source>Sending in %1 s</source>
        <translation>Dikirim dalam %1 dtk</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Mengirim…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Gagal: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Balasan</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Kutipan</translation>
    </message>
    <message>
        <source>Thread, part %1</source>
        <translation>Utas, bagian %1</translation>
    </message>
    <message>
        <source>X said: %1</source>
        <translation>Keterangan dari X: %1</translation>
    </message>
    <message>
        <source>The outbox is empty.</source>
        <translation>Kotak keluar kosong.</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Kotak keluar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batalkan</translation>
    </message>
    <message>
        <source>Cancel sending the selected post</source>
        <translation>Batalkan pengiriman kiriman yang dipilih</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Retry sending the selected post</source>
        <translation>Coba kirim ulang kiriman yang dipilih</translation>
    </message>
</context>
<context>
    <name>PostEditor</name>
    <message>
        <source>Write a post…</source>
        <translation>Tulis kiriman…</translation>
    </message>
    <message>
        <source>Post text</source>
        <translation>Teks kiriman</translation>
    </message>
    <message>
        <source>Characters used</source>
        <translation>Karakter terpakai</translation>
    </message>
</context>
<context>
    <name>PostsView</name>
    <message>
        <source>No posts yet.</source>
        <translation>Belum ada kiriman.</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Kiriman</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Delete the selected post from X</source>
        <translation>Hapus kiriman yang dipilih dari X</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Reload the posts from X</source>
        <translation>Muat ulang kiriman dari X</translation>
    </message>
    <message>
        <source>this account</source>
        <translation>akun ini</translation>
    </message>
    <message>
        <source>Delete this post of %1 from X?

"%2"

This cannot be undone.</source>
        <translation>Hapus kiriman %1 ini dari X?

"%2"

Tindakan ini tidak dapat dibatalkan.</translation>
    </message>
    <message>
        <source>Delete post</source>
        <translation>Hapus kiriman</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Jangan hapus</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>&lt; 1 h</source>
        <translation>&lt; 1 jam</translation>
    </message>
    <message>
        <source>1–4 h</source>
        <translation>1–4 jam</translation>
    </message>
    <message>
        <source>4–24 h</source>
        <translation>4–24 jam</translation>
    </message>
    <message>
        <source>1–3 d</source>
        <translation>1–3 hari</translation>
    </message>
    <message>
        <source>&gt; 3 d</source>
        <translation>&gt; 3 hari</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>From the start date (inclusive) up to the end (exclusive). Replies, tags and resolutions after the end still count for mentions received in the period, up to the moment the report describes.</source>
        <translation>Dari tanggal awal (termasuk) sampai akhir periode (tidak termasuk). Balasan, penandaan, dan penyelesaian setelah akhir periode tetap dihitung untuk mention yang diterima dalam periode, sampai saat yang digambarkan laporan.</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Kiriman</translation>
    </message>
    <message>
        <source>Posts sent in the period that are not replies. A post deleted later still counts: it was published.</source>
        <translation>Kiriman dalam periode yang bukan balasan. Kiriman yang kemudian dihapus tetap dihitung: kiriman itu sudah terbit.</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Balasan</translation>
    </message>
    <message>
        <source>Replies sent in the period, including replies logged as posts.</source>
        <translation>Balasan yang dikirim dalam periode, termasuk balasan yang tercatat sebagai kiriman.</translation>
    </message>
    <message>
        <source>Mentions received</source>
        <translation>Mention diterima</translation>
    </message>
    <message>
        <source>Distinct mentions of the account received in the period (a mention logged twice counts once).</source>
        <translation>Mention berbeda yang diterima akun dalam periode (mention yang tercatat dua kali dihitung sekali).</translation>
    </message>
    <message>
        <source>Mentions answered</source>
        <translation>Mention dijawab</translation>
    </message>
    <message>
        <source>Mentions received in the period that the same account replied to, at or after the mention; the reply may fall after the end of the period. The answered share is answered ÷ received.</source>
        <translation>Mention yang diterima dalam periode dan dibalas oleh akun yang sama, pada atau setelah waktu mention; balasan boleh jatuh setelah akhir periode. Persentase dijawab = dijawab ÷ diterima.</translation>
    </message>
    <message>
        <source>Time to first response</source>
        <translation>Waktu tanggapan pertama</translation>
    </message>
    <message>
        <source>Time of the account's earliest reply minus the time of the mention, over the answered mentions. Median and 90th percentile by the nearest-rank method: for n sorted values the p-th percentile is the value at rank ⌈p/100 · n⌉, so the median of an even count is the lower middle value and every figure is an actual response time.</source>
        <translation>Waktu balasan paling awal dari akun dikurangi waktu mention, atas mention yang dijawab. Median dan persentil ke-90 dengan metode peringkat terdekat (nearest rank): untuk n nilai terurut, persentil ke-p adalah nilai pada peringkat ⌈p/100 · n⌉, sehingga median dari jumlah genap adalah nilai tengah yang lebih kecil dan setiap angka adalah waktu tanggapan yang sungguh terjadi.</translation>
    </message>
    <message>
        <source>Two-way ratio</source>
        <translation>Rasio dua arah</translation>
    </message>
    <message>
        <source>Replies ÷ posts (not shown when there were no posts).</source>
        <translation>Balasan ÷ kiriman (tidak ditampilkan bila tidak ada kiriman).</translation>
    </message>
    <message>
        <source>Complaints (aduan)</source>
        <translation>Aduan</translation>
    </message>
    <message>
        <source>Mentions received in the period that the account tagged as aduan. Measured against the SP4N-LAPOR! service times: first response within 3 days (answered within 3 × 24 hours; otherwise answered late, unanswered and overdue, or unanswered and still within 3 days), and resolution within 5, 14 and 60 days (time from the mention until it was marked handled; cumulative counts, so a complaint resolved in 4 days counts in all three).</source>
        <translation>Mention yang diterima dalam periode dan ditandai akun sebagai aduan. Diukur terhadap waktu layanan SP4N-LAPOR!: tanggapan pertama dalam 3 hari (dijawab dalam 3 × 24 jam; selain itu dijawab terlambat, belum dijawab dan melewati batas, atau belum dijawab dan masih dalam 3 hari), serta penyelesaian dalam 5, 14, dan 60 hari (waktu dari mention sampai ditandai selesai; hitungan kumulatif, sehingga aduan yang selesai dalam 4 hari terhitung di ketiganya).</translation>
    </message>
    <message>
        <source>Chain head hash</source>
        <translation>Hash ujung rantai</translation>
    </message>
    <message>
        <source>The SHA-256 hash of the last entry of the activity log. Each entry's hash covers the previous one, so changing, removing or inserting any entry changes it. The command humasdesk verify checks the log and the signed export files against it.</source>
        <translation>Hash SHA-256 dari entri terakhir log aktivitas. Hash setiap entri mencakup entri sebelumnya, sehingga mengubah, menghapus, atau menyisipkan entri mana pun akan mengubahnya. Perintah humasdesk verify memeriksa log dan berkas ekspor bertanda tangan terhadap hash ini.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 menit</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 jam %2 menit</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 hari %2 jam</translation>
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
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>In reply to: “%1”</source>
        <translation>Menanggapi: “%1”</translation>
    </message>
    <message>
        <source>(text erased)</source>
        <translation>(teks telah dihapus)</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Balasan</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Kiriman</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>Posts and replies per day</source>
        <translation>Kiriman dan balasan per hari</translation>
    </message>
    <message>
        <source>Posts and replies per week</source>
        <translation>Kiriman dan balasan per minggu</translation>
    </message>
    <message>
        <source>Week starting (day/month)</source>
        <translation>Minggu mulai (tanggal/bulan)</translation>
    </message>
    <message>
        <source>Posts and replies per month</source>
        <translation>Kiriman dan balasan per bulan</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Mentions received and answered</source>
        <translation>Mention diterima dan dijawab</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Dijawab</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Aduan</translation>
    </message>
    <message>
        <source>Complaints answered ≤ 3 d</source>
        <translation>Aduan dijawab ≤ 3 hari</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Mention</translation>
    </message>
    <message>
        <source>Answered mentions</source>
        <translation>Mention dijawab</translation>
    </message>
    <message>
        <source>%1 of %2 (%3)</source>
        <translation>%1 dari %2 (%3)</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>Entries in this export</source>
        <translation>Jumlah entri dalam ekspor ini</translation>
    </message>
    <message>
        <source>Activity log head</source>
        <translation>Ujung log aktivitas</translation>
    </message>
    <message>
        <source>entry no. %1</source>
        <translation>entri ke-%1</translation>
    </message>
    <message>
        <source>Signing key fingerprint</source>
        <translation>Sidik jari kunci penanda tangan</translation>
    </message>
    <message>
        <source>Made with</source>
        <translation>Dibuat dengan</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>All activity of the personal account is included (chosen by the official).</source>
        <translation>Seluruh aktivitas akun pribadi disertakan (atas pilihan pejabat).</translation>
    </message>
    <message>
        <source>Of the personal account, only posts marked as made in official capacity (kapasitas jabatan) are included.</source>
        <translation>Dari akun pribadi, hanya kiriman yang ditandai dibuat dalam kapasitas jabatan yang disertakan.</translation>
    </message>
    <message>
        <source>The personal account's activity is not included.</source>
        <translation>Aktivitas akun pribadi tidak disertakan.</translation>
    </message>
    <message>
        <source>There were no entries in this period.</source>
        <translation>Tidak ada entri pada periode ini.</translation>
    </message>
    <message>
        <source>Figures per account</source>
        <translation>Ringkasan per akun</translation>
    </message>
    <message>
        <source>Time to first response, median</source>
        <translation>Waktu tanggapan pertama, median</translation>
    </message>
    <message>
        <source>Time to first response, 90th percentile</source>
        <translation>Waktu tanggapan pertama, persentil ke-90</translation>
    </message>
    <message>
        <source>Two-way ratio (replies ÷ posts)</source>
        <translation>Rasio dua arah (balasan ÷ kiriman)</translation>
    </message>
    <message>
        <source>Complaints (aduan) against SP4N-LAPOR! service times</source>
        <translation>Aduan terhadap waktu layanan SP4N-LAPOR!</translation>
    </message>
    <message>
        <source>Complaints received</source>
        <translation>Aduan diterima</translation>
    </message>
    <message>
        <source>First response within 3 days</source>
        <translation>Tanggapan pertama dalam 3 hari</translation>
    </message>
    <message>
        <source>Answered after 3 days</source>
        <translation>Dijawab setelah 3 hari</translation>
    </message>
    <message>
        <source>Unanswered, over 3 days</source>
        <translation>Belum dijawab, lewat 3 hari</translation>
    </message>
    <message>
        <source>Unanswered, within 3 days so far</source>
        <translation>Belum dijawab, masih dalam 3 hari</translation>
    </message>
    <message>
        <source>Resolved within 5 days</source>
        <translation>Selesai dalam 5 hari</translation>
    </message>
    <message>
        <source>Resolved within 14 days</source>
        <translation>Selesai dalam 14 hari</translation>
    </message>
    <message>
        <source>Resolved within 60 days</source>
        <translation>Selesai dalam 60 hari</translation>
    </message>
    <message>
        <source>Not resolved yet</source>
        <translation>Belum selesai</translation>
    </message>
    <message>
        <source>Figures as of %1. Definitions are in the appendix.</source>
        <translation>Angka per %1. Definisi ada di lampiran.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Grafik</translation>
    </message>
    <message>
        <source>Response times are counted from the entries in this export; mentions answered after the period appear when their replies are included.</source>
        <translation>Waktu tanggapan dihitung dari entri dalam ekspor ini; mention yang dijawab setelah periode muncul bila balasannya ikut diekspor.</translation>
    </message>
    <message>
        <source>Posts and replies</source>
        <translation>Kiriman dan balasan</translation>
    </message>
    <message>
        <source>… and %1 more entries; see the CSV/XLSX export.</source>
        <translation>… dan %1 entri lainnya; lihat ekspor CSV/XLSX.</translation>
    </message>
    <message>
        <source>No posts or replies in this period.</source>
        <translation>Tidak ada kiriman atau balasan pada periode ini.</translation>
    </message>
    <message>
        <source>Appendix: definitions</source>
        <translation>Lampiran: definisi</translation>
    </message>
    <message>
        <source>Times are shown in %1. To check this export, run: humasdesk verify &lt;file&gt;</source>
        <translation>Waktu ditampilkan dalam %1. Untuk memeriksa ekspor ini, jalankan: humasdesk verify &lt;berkas&gt;</translation>
    </message>
    <message>
        <source>Social Media Activity Report</source>
        <translation>Laporan Aktivitas Media Sosial</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The undo window is 0 to 60 seconds.</source>
        <translation>Jendela pembatalan 0 sampai 60 detik.</translation>
    </message>
    <message>
        <source>Enter a price in US dollars, e.g. 0.015.</source>
        <translation>Masukkan harga dalam dolar AS, misalnya 0.015.</translation>
    </message>
    <message>
        <source>A period of at least one day is needed.</source>
        <translation>Diperlukan masa minimal satu hari.</translation>
    </message>
    <message>
        <source>The port must be between 1024 and 65535.</source>
        <translation>Port harus antara 1024 dan 65535.</translation>
    </message>
    <message>
        <source>An X handle has 1 to 15 letters, digits or underscores.</source>
        <translation>Handle X terdiri atas 1 sampai 15 huruf, angka, atau garis bawah.</translation>
    </message>
    <message>
        <source>The client id has letters, digits and - _ . : only, without spaces.</source>
        <translation>Client id hanya berisi huruf, angka, dan - _ . : tanpa spasi.</translation>
    </message>
    <message>
        <source>X app client id</source>
        <translation>Client id aplikasi X</translation>
    </message>
    <message>
        <source>From the agency's X developer app (Native App, OAuth 2.0). Empty: practice mode.</source>
        <translation>Dari aplikasi pengembang X milik instansi (Native App, OAuth 2.0). Kosong: Mode Latihan.</translation>
    </message>
    <message>
        <source>Callback port</source>
        <translation>Port callback</translation>
    </message>
    <message>
        <source>Register http://127.0.0.1:&lt;port&gt;/callback in the agency's X app.</source>
        <translation>Daftarkan http://127.0.0.1:&lt;port&gt;/callback di aplikasi X instansi.</translation>
    </message>
    <message>
        <source>Office account handle</source>
        <translation>Handle akun kantor</translation>
    </message>
    <message>
        <source>If set, only this X account can be signed in to the office pane.</source>
        <translation>Jika diisi, hanya akun X ini yang dapat masuk di panel kantor.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Bahasa Indonesia</source>
        <translation>Bahasa Indonesia</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Confirm every post from the office account</source>
        <translation>Konfirmasi setiap kiriman dari akun kantor</translation>
    </message>
    <message>
        <source>Shows the account, its colour and the text before it is queued.</source>
        <translation>Menampilkan akun, warnanya, dan teksnya sebelum masuk antrean.</translation>
    </message>
    <message>
        <source>Undo window (seconds)</source>
        <translation>Jendela pembatalan (detik)</translation>
    </message>
    <message>
        <source>Each post waits this long in the outbox, with a Cancel button.</source>
        <translation>Setiap kiriman menunggu selama ini di kotak keluar, dengan tombol Batalkan.</translation>
    </message>
    <message>
        <source>X price per post (USD)</source>
        <translation>Harga X per kiriman (USD)</translation>
    </message>
    <message>
        <source>X price per post with a link (USD)</source>
        <translation>Harga X per kiriman bertautan (USD)</translation>
    </message>
    <message>
        <source>X price per post read (USD)</source>
        <translation>Harga X per kiriman yang dibaca (USD)</translation>
    </message>
    <message>
        <source>Agency (data controller)</source>
        <translation>Instansi (pengendali data)</translation>
    </message>
    <message>
        <source>Printed on exports and in the privacy notice.</source>
        <translation>Dicetak pada ekspor dan pemberitahuan privasi.</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit kerja</translation>
    </message>
    <message>
        <source>Data protection officer (contact)</source>
        <translation>Petugas pelindungan data pribadi (kontak)</translation>
    </message>
    <message>
        <source>Keep unanswered citizens' mentions (days)</source>
        <translation>Simpan mention warga yang tidak dibalas (hari)</translation>
    </message>
    <message>
        <source>After this, the handle and words of mentions never answered nor tagged are erased; counts are kept. Answered mentions, complaints and office posts are records and are never erased automatically.</source>
        <translation>Setelah itu, nama pengguna dan kata-kata mention yang tidak pernah dibalas atau ditandai dihapus; jumlahnya tetap dicatat. Mention yang dibalas, aduan, dan kiriman akun kantor adalah arsip dan tidak pernah dihapus otomatis.</translation>
    </message>
    <message>
        <source>Offer records for disposal review after (days)</source>
        <translation>Ajukan arsip untuk penilaian pemusnahan setelah (hari)</translation>
    </message>
    <message>
        <source>Set from the agency's records retention schedule (JRA).</source>
        <translation>Diisi sesuai Jadwal Retensi Arsip (JRA) instansi.</translation>
    </message>
    <message>
        <source>This value has the wrong type.</source>
        <translation>Jenis nilai ini salah.</translation>
    </message>
    <message>
        <source>Choose one of the listed values.</source>
        <translation>Pilih salah satu nilai yang tersedia.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>Bagian pengaturan</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Umum</translation>
    </message>
    <message>
        <source>X app</source>
        <translation>Aplikasi X</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privasi</translation>
    </message>
    <message>
        <source>Export signing key fingerprint</source>
        <translation>Sidik jari kunci tanda tangan ekspor</translation>
    </message>
    <message>
        <source>Where sign-in tokens are kept: checking…</source>
        <translation>Tempat token masuk disimpan: sedang diperiksa…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Privacy notice</source>
        <translation>Pemberitahuan privasi</translation>
    </message>
    <message>
        <source>(not set yet)</source>
        <translation>(belum diisi)</translation>
    </message>
    <message>
        <source>Controller of citizens' data held for the office account: %1 (%2).
Data protection officer: %3.

What is kept: the handles and words of citizens who mention the two accounts, the replies, and when they were sent, to answer citizens and to report on public communication.
Legal basis: the agency's public duties and authority (UU 27/2022, Pasal 20 ayat 2) and its records obligations (UU 43/2009).

Retention: the handle and words of mentions never answered nor tagged are erased after %4 days (counts are kept). Answered mentions, complaints and office posts are records: they are offered for disposal review after %5 days and never erased automatically.

A citizen may ask what is held about them, and for correction, restriction or erasure: record the request (humasdesk privacy requests) within 3×24 hours.</source>
        <translation>Pengendali data warga untuk akun kantor: %1 (%2).
Petugas pelindungan data pribadi: %3.

Yang disimpan: nama pengguna dan kata-kata warga yang menyebut kedua akun, balasannya, serta waktunya, untuk menjawab warga dan melaporkan komunikasi publik.
Dasar hukum: pelaksanaan tugas dan kewenangan instansi (UU 27/2022, Pasal 20 ayat 2) serta kewajiban kearsipan (UU 43/2009).

Masa retensi: nama pengguna dan kata-kata mention yang tidak pernah dibalas atau ditandai dihapus setelah %4 hari (jumlahnya tetap dicatat). Mention yang dibalas, aduan, dan kiriman akun kantor adalah arsip: diajukan untuk penilaian pemusnahan setelah %5 hari dan tidak pernah dihapus otomatis.

Warga dapat meminta data yang disimpan tentang dirinya, serta perbaikan, pembatasan, atau penghapusan: catat permintaannya (humasdesk privacy requests) dalam 3×24 jam.</translation>
    </message>
    <message>
        <source>Where sign-in tokens are kept: %1</source>
        <translation>Tempat token masuk disimpan: %1</translation>
    </message>
    <message>
        <source>Export signing key fingerprint: %1</source>
        <translation>Sidik jari kunci tanda tangan ekspor: %1</translation>
    </message>
</context>
<context>
    <name>SlotDesk</name>
    <message>
        <source>This text was already sent or queued from @%1 in the last 24 hours. X does not allow the same content from several accounts.</source>
        <translation>Teks ini sudah dikirim atau diantrekan dari @%1 dalam 24 jam terakhir. X tidak mengizinkan konten yang sama dari beberapa akun.</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Tidak dikirim</translation>
    </message>
    <message>
        <source>Repost it from @%1 instead?</source>
        <translation>Repost kiriman itu dari @%1 saja?</translation>
    </message>
    <message>
        <source>Yes</source>
        <extracomment>Even with nothing due, look at the outbox this often (a retry time may have come).</extracomment>
        <translation>Ya</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <source>Session ended — sign in again. Queued posts wait and are not lost.</source>
        <translation>Sesi berakhir — masuk lagi. Kiriman dalam antrean menunggu dan tidak hilang.</translation>
    </message>
    <message>
        <source>The X app's usage cap is reached: this account sends nothing until %1. Posts wait in the outbox.</source>
        <translation>Batas pemakaian aplikasi X tercapai: akun ini tidak mengirim apa pun sampai pukul %1. Kiriman menunggu di kotak keluar.</translation>
    </message>
    <message>
        <source>X's request limit was reached: posting resumes at %1. Posts wait in the outbox.</source>
        <translation>Batas permintaan X tercapai: pengiriman dilanjutkan pukul %1. Kiriman menunggu di kotak keluar.</translation>
    </message>
    <message>
        <source>Too late to cancel: the post is already being sent.</source>
        <translation>Terlambat untuk membatalkan: kiriman sedang dikirim.</translation>
    </message>
    <message>
        <source>Could not sync mentions: %1 Trying again later.</source>
        <translation>Mention tidak dapat disinkronkan: %1 Akan dicoba lagi nanti.</translation>
    </message>
</context>
</TS>