"""An RTSP server on loopback for the live relay tests: GStreamer's RTSP server, relaying what a test camera (ffmpeg)
sends as RTP to a UDP port. Usage: rtsp-camera-server.py <rtsp port> <mount>:<udp port>:<h264|h265> ...
Clients read rtsp://127.0.0.1:<rtsp port>/<mount>, over TCP or UDP. Prints "ready" once it listens."""
import sys, gi
gi.require_version('Gst', '1.0')
gi.require_version('GstRtspServer', '1.0')
from gi.repository import Gst, GstRtspServer, GLib
Gst.init(None)
server = GstRtspServer.RTSPServer()
server.set_address('127.0.0.1')
server.set_service(sys.argv[1])
mounts = server.get_mount_points()
for spec in sys.argv[2:]:
    path, udp, codec = spec.split(':')
    enc = codec.upper()
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(f'( udpsrc address=127.0.0.1 port={udp} caps="application/x-rtp,media=video,encoding-name={enc},payload=96,clock-rate=90000" ! rtp{codec}depay ! {codec}parse config-interval=-1 ! rtp{codec}pay name=pay0 pt=96 )')
    factory.set_shared(True)
    mounts.add_factory('/' + path, factory)
server.attach(None)
print('ready', flush=True)
GLib.MainLoop().run()
